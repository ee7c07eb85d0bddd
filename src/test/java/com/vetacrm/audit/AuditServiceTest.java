package com.vetacrm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.admin.NewUser;
import com.vetacrm.admin.UserEdit;
import com.vetacrm.admin.UserService;
import com.vetacrm.admin.UserSummary;
import com.vetacrm.credits.CreditPack;
import com.vetacrm.credits.CreditPurchase;
import com.vetacrm.credits.CreditService;
import com.vetacrm.security.Role;
import com.vetacrm.settings.MiningSettings;
import com.vetacrm.settings.SettingsService;
import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.shared.SupportedLanguage;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import com.vetacrm.testsupport.SignIns;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/** Every audited action leaves one entry with who and what — only when it was committed; only admins read them. */
@WithUserDetails(DemoUsers.ADMIN)
class AuditServiceTest extends ServiceTest {

    @Autowired
    AuditService audit;
    @Autowired
    SettingsService settings;
    @Autowired
    UserService users;
    @Autowired
    CreditService credits;
    @Autowired
    UserDetailsService userDetails;

    private AuditEntry latest() {
        return audit.entries(AuditFilter.none(), PageRequest.of(0, 1)).getFirst();
    }

    private List<AuditEntry> of(AuditAction action) {
        return audit.entries(new AuditFilter(action, null, null, null), PageRequest.of(0, 50));
    }

    @Test
    void savingTheSettingsIsRecordedWithWhoAndTheValues() {
        settings.save(settings.current().withLowBalanceThreshold(75));

        AuditEntry e = latest();
        assertThat(e.action()).isEqualTo(AuditAction.SETTINGS_SAVED);
        assertThat(e.userName()).isEqualTo("Alex Morgan");
        assertThat(e.details()).contains("low-balance threshold 75");
    }

    @Test
    void aRefusedChangeLeavesNoEntry() {
        int before = of(AuditAction.SETTINGS_SAVED).size();
        MiningSettings bad = settings.current().withTrialCredits(-1);

        assertThatThrownBy(() -> settings.save(bad)).isInstanceOf(BusinessRuleException.class);

        assertThat(of(AuditAction.SETTINGS_SAVED)).hasSize(before);
    }

    @Test
    void creatingAUserChangingTheirRoleAndResettingTheirPasswordAreRecorded() {
        UserSummary created = users.createUser(new NewUser("auditee", "Audit Ee", "auditee@example.com",
                Role.SALESPERSON, SupportedLanguage.ENGLISH, "a-long-password-1"));
        UserEdit edit = users.getUser(created.id());
        users.updateUser(new UserEdit(edit.id(), edit.version(), edit.displayName(), edit.email(), Role.SALES_MANAGER,
                edit.language(), edit.active()));
        users.resetPassword(created.id(), "another-password-2");

        assertThat(of(AuditAction.USER_CREATED)).anySatisfy(e -> {
            assertThat(e.targetId()).isEqualTo(String.valueOf(created.id()));
            assertThat(e.details()).contains("auditee", "SALESPERSON");
        });
        assertThat(of(AuditAction.USER_UPDATED).getFirst().details()).contains("role SALESPERSON -> SALES_MANAGER");
        assertThat(of(AuditAction.PASSWORD_RESET).getFirst().details()).isEqualTo("auditee")
                .doesNotContain("another-password-2");
    }

    @Test
    void creditGrantsPurchaseRequestsAndApprovalsAreRecorded() {
        credits.grant(25, "goodwill");
        CreditPurchase requested = SignIns.as(userDetails, DemoUsers.MANAGER,
                () -> credits.requestPurchase(CreditPack.PACK_100));
        credits.approvePurchase(requested.id());

        assertThat(of(AuditAction.CREDITS_GRANTED).getFirst().details()).isEqualTo("25 credits: goodwill");
        assertThat(of(AuditAction.PURCHASE_REQUESTED).getFirst().userName()).isEqualTo("Marta Ruiz");
        assertThat(of(AuditAction.PURCHASE_APPROVED).getFirst()).satisfies(e -> {
            assertThat(e.userName()).isEqualTo("Alex Morgan");
            assertThat(e.targetId()).isEqualTo(String.valueOf(requested.id()));
        });
    }

    @Test
    void onlyAdministratorsReadTheLog() {
        assertThatThrownBy(() -> SignIns.as(userDetails, DemoUsers.MANAGER,
                () -> audit.entries(AuditFilter.none(), PageRequest.of(0, 10)))).isInstanceOf(AccessDeniedException.class);
    }
}
