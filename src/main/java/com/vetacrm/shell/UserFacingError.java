package com.vetacrm.shell;

import com.vetacrm.shared.BusinessRuleException;
import jakarta.validation.ConstraintViolationException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one mapping from an exception to what a user is told: a translation key and its arguments.
 * Expected refusals get their specific message; anything else is logged with a short incident code
 * and the user gets a generic message naming that code, never the exception's own text (which may
 * hold SQL, host names or class names).
 *
 * @param messageKey translation key
 * @param args       arguments of the message
 * @param denied     true when the cause is a refused permission (shown as "access denied")
 */
record UserFacingError(String messageKey, Object[] args, boolean denied) {

    private static final Logger log = LoggerFactory.getLogger(UserFacingError.class);

    static UserFacingError of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BusinessRuleException b) {
                return new UserFacingError(b.messageKey(), b.args(), false);
            }
            if (t instanceof AccessDeniedException) {
                return new UserFacingError("error.accessDenied", new Object[0], true);
            }
            if (t instanceof OptimisticLockingFailureException) {
                return new UserFacingError("error.concurrentEdit", new Object[0], false);
            }
            if (t instanceof ConstraintViolationException cve) {
                // the views validate each field; this is the services' safety net, so the details go to the log
                log.info("Input refused by a service: {}", cve.getMessage());
                return new UserFacingError("error.invalidInput", new Object[0], false);
            }
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error, incident {}", incident, error);
        return new UserFacingError("error.unexpected", new Object[] {incident}, false);
    }
}
