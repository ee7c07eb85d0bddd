package com.vetacrm.admin;

import com.vetacrm.security.CurrentUser;
import com.vetacrm.security.Role;
import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.shared.SupportedLanguage;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users: the administrators' list and each user's own preferences. */
@Service
@Transactional(readOnly = true)
public class UserService {

    private final AppUserRepository users;
    private final CurrentUser currentUser;

    UserService(AppUserRepository users, CurrentUser currentUser) {
        this.users = users;
        this.currentUser = currentUser;
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

    private static String likePattern(String text) {
        return text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase(Locale.ROOT) + "%";
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
}
