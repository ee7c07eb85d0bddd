package com.vetacrm.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.shared.BusinessRuleException;
import jakarta.validation.ConstraintViolationException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.authorization.AuthorizationDeniedException;

class UserFacingErrorTest {

    @Test
    void businessRuleKeepsItsOwnMessageAndArguments() {
        UserFacingError e = UserFacingError.of(new IllegalStateException(new BusinessRuleException("x.y", 7)));
        assertThat(e.messageKey()).isEqualTo("x.y");
        assertThat(e.args()).containsExactly(7);
    }

    @Test
    void refusedPermissionReadsAsAccessDenied() {
        UserFacingError e = UserFacingError.of(new RuntimeException(new AuthorizationDeniedException("Access Denied")));
        assertThat(e.messageKey()).isEqualTo("error.accessDenied");
        assertThat(e.denied()).isTrue();
    }

    @Test
    void concurrentEditAsksToReload() {
        assertThat(UserFacingError.of(new ObjectOptimisticLockingFailureException("Lead", 1L)).messageKey())
                .isEqualTo("error.concurrentEdit");
    }

    @Test
    void serviceValidationFailureDoesNotExposeParameterNames() {
        UserFacingError e = UserFacingError.of(new ConstraintViolationException("changeName.arg0: must not be blank", Set.of()));
        assertThat(e.messageKey()).isEqualTo("error.invalidInput");
        assertThat(e.args()).isEmpty();
    }

    @Test
    void anythingElseGetsAnIncidentCodeAndNeverTheExceptionText() {
        UserFacingError e = UserFacingError.of(new IllegalStateException("jdbc:mariadb://10.0.0.5:3306 refused"));
        assertThat(e.messageKey()).isEqualTo("error.unexpected");
        assertThat(e.args()).hasSize(1);
        assertThat(e.args()[0].toString()).hasSize(8).doesNotContain("jdbc");
    }
}
