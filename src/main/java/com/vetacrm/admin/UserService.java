package com.vetacrm.admin;

import com.vetacrm.audit.AuditAction;
import com.vetacrm.audit.AuditService;
import com.vetacrm.security.CurrentUser;
import com.vetacrm.security.Role;
import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.shared.SupportedLanguage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users: the administrators' list and forms, and each user's own preferences.
 * <p>
 * Users are deactivated, never deleted: leads, notes and mining requests keep naming who did what.
 * An administrator cannot deactivate themself nor take away their own administrator role, so an
 * installation always keeps at least one active administrator.
 */
@Service
@Transactional(readOnly = true)
public class UserService {

    private final AppUserRepository users;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwordEncoder;
    private final LoginAttempts loginAttempts;
    private final AuditService audit;
    private final Validator validator;

    UserService(AppUserRepository users, CurrentUser currentUser, PasswordEncoder passwordEncoder,
            LoginAttempts loginAttempts, AuditService audit, Validator validator) {
        this.audit = audit;
        this.users = users;
        this.currentUser = currentUser;
        this.passwordEncoder = passwordEncoder;
        this.loginAttempts = loginAttempts;
        this.validator = validator;
    }

    /** One page of users matching {@code text} (username, name or email); no total count is computed. */
    @RolesAllowed(Role.Names.ADMIN)
    public List<UserSummary> findUsers(String text, Pageable pageable) {
        String pattern = likePattern(text);
        Pageable ordered = pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("username"));
        return users.findSummaries(pattern, ordered).getContent();
    }

    /**
     * One page of active users whose name or username contains {@code text}, by name: the
     * salesperson pickers and filters. Every role assigns leads, so every role may look users up.
     */
    @RolesAllowed({Role.Names.SALESPERSON, Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public List<UserSummary> findActiveUsers(String text, Pageable pageable) {
        return users.findActiveSummaries(likePattern(text),
                PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("displayName", "id")))
                .getContent();
    }

    @RolesAllowed({Role.Names.SALESPERSON, Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public Optional<UserSummary> findUser(long id) {
        return users.findSummary(id);
    }

    /** A user as the edit form opens it, with the version it will save against. */
    @RolesAllowed(Role.Names.ADMIN)
    public UserEdit getUser(long id) {
        return UserEdit.of(load(id));
    }

    /** Creates a user who can sign in right away with the initial password. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public UserSummary createUser(NewUser input) {
        String username = AdminRules.normaliseUsername(input.username());
        if (username.isEmpty()) {
            throw new BusinessRuleException("users.error.username.required");
        }
        if (username.length() > AdminRules.USERNAME_MAX_LENGTH) {
            throw new BusinessRuleException("users.error.username.tooLong", AdminRules.USERNAME_MAX_LENGTH);
        }
        if (!AdminRules.isValidUsername(username)) {
            throw new BusinessRuleException("users.error.username.format");
        }
        String displayName = Inputs.requiredName(input.displayName(), AdminRules.DISPLAY_NAME_MAX_LENGTH,
                "users.error.displayName.required", "users.error.displayName.tooLong");
        String email = checkedEmail(input.email());
        Role role = requireRole(input.role());
        checkPassword(input.initialPassword());
        if (users.findByUsername(username).isPresent()) {
            throw new BusinessRuleException("users.error.username.taken", username);
        }
        AppUser user = new AppUser(username, displayName, email, passwordEncoder.encode(input.initialPassword()),
                role);
        user.setLocale(languageTag(input.language()));
        try {
            UserSummary created = UserSummary.of(users.saveAndFlush(user));
            audit.record(AuditAction.USER_CREATED, "user", created.id(), username + ", role " + role);
            return created;
        } catch (DataIntegrityViolationException e) {
            // another administrator created the same username between our check and the insert
            throw new BusinessRuleException("users.error.username.taken", username);
        }
    }

    /** Changes a user's name, email, role, language and whether they may sign in. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public UserSummary updateUser(UserEdit edit) {
        AppUser user = load(edit.id());
        Inputs.requireVersion(AppUser.class, edit.id(), edit.version(), user.getVersion());
        String displayName = Inputs.requiredName(edit.displayName(), AdminRules.DISPLAY_NAME_MAX_LENGTH,
                "users.error.displayName.required", "users.error.displayName.tooLong");
        String email = checkedEmail(edit.email());
        Role role = requireRole(edit.role());
        if (user.getId() == currentUser.require().id()) {
            if (!edit.active()) {
                throw new BusinessRuleException("users.error.selfDeactivate");
            }
            if (role != Role.ADMIN) {
                throw new BusinessRuleException("users.error.selfDemote");
            }
        }
        String change = (user.getRole() == role ? "" : "role " + user.getRole() + " -> " + role + ", ")
                + (user.isActive() == edit.active() ? "" : (edit.active() ? "activated, " : "deactivated, "));
        user.update(displayName, email, role, edit.active(), languageTag(edit.language()));
        audit.record(AuditAction.USER_UPDATED, "user", user.getId(), user.getUsername()
                + (change.isEmpty() ? ": name, e-mail or language" : ": " + change.substring(0, change.length() - 2)));
        return UserSummary.of(user);
    }

    /**
     * Sets a new password chosen by an administrator, for a user who forgot theirs (or locked themself out by
     * failed sign-ins: the lock is lifted). Takes effect at the user's next sign-in.
     */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public void resetPassword(long userId, String newPassword) {
        checkPassword(newPassword);
        AppUser user = load(userId);
        user.changePasswordHash(passwordEncoder.encode(newPassword));
        loginAttempts.clear(user.getUsername());
        audit.record(AuditAction.PASSWORD_RESET, "user", user.getId(), user.getUsername());
    }

    /**
     * The signed-in user changes their own password, proving they know the current one (a session left open
     * must not be enough to take the account over).
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changeMyPassword(String currentPassword, String newPassword) {
        AppUser user = users.findById(currentUser.require().id())
                .orElseThrow(() -> new BusinessRuleException("error.user.notFound"));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw new BusinessRuleException("users.error.password.wrongCurrent");
        }
        checkPassword(newPassword);
        if (passwordEncoder.matches(newPassword, user.getPasswordHash())) {
            throw new BusinessRuleException("users.error.password.unchanged");
        }
        user.changePasswordHash(passwordEncoder.encode(newPassword));
        audit.record(AuditAction.PASSWORD_CHANGED, "user", user.getId(), user.getUsername());
    }

    /** The language the signed-in user chose, if any; otherwise the browser's decides. */
    @PreAuthorize("isAuthenticated()")
    public Optional<SupportedLanguage> myLanguage() {
        return users.findById(currentUser.require().id())
                .flatMap(u -> SupportedLanguage.ofTag(u.getLocale()));
    }

    /** Remembers the signed-in user's language for every later session. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changeMyLanguage(Locale locale) {
        SupportedLanguage language = SupportedLanguage.of(locale)
                .orElseThrow(() -> new BusinessRuleException("error.language.unsupported", String.valueOf(locale)));
        AppUser user = users.findById(currentUser.require().id())
                .orElseThrow(() -> new BusinessRuleException("error.user.notFound"));
        user.setLocale(language.locale().toLanguageTag());
    }

    private AppUser load(long id) {
        return users.findById(id).orElseThrow(() -> new BusinessRuleException("users.error.notFound"));
    }

    /** Optional; when given it must pass the same check as the entity's {@code @Email}. */
    private String checkedEmail(String raw) {
        String email = Inputs.trimToNull(raw);
        if (email != null && !validator.validateValue(AppUser.class, "email", email).isEmpty()) {
            throw new BusinessRuleException("users.error.email.invalid");
        }
        return email;
    }

    private static Role requireRole(Role role) {
        if (role == null) {
            throw new BusinessRuleException("users.error.role.required");
        }
        return role;
    }

    private static void checkPassword(String password) {
        if (!AdminRules.isPasswordLongEnough(password)) {
            throw new BusinessRuleException("users.error.password.tooShort", AdminRules.PASSWORD_MIN_LENGTH);
        }
        if (!AdminRules.isPasswordShortEnough(password)) {
            throw new BusinessRuleException("users.error.password.tooLong", AdminRules.PASSWORD_MAX_BYTES);
        }
    }

    private static String languageTag(SupportedLanguage language) {
        return language == null ? null : language.locale().toLanguageTag();
    }

    private static String likePattern(String text) {
        return text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase(Locale.ROOT) + "%";
    }
}
