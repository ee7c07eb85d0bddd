package com.vetacrm.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import com.vetacrm.admin.UserService;
import jakarta.annotation.security.PermitAll;
import org.springframework.data.domain.PageRequest;

/** Test-only routes that fail while opening, to prove what users then see. */
final class FailingTestViews {

    private FailingTestViews() {
    }

    @Route("test/broken")
    @PermitAll
    public static class Broken extends Div {
        public Broken() {
            throw new IllegalStateException("secret: jdbc:mariadb://10.1.2.3:3306/veta password=hunter2");
        }
    }

    /** Opens for everyone but calls an admin-only service: a salesperson is refused by method security. */
    @Route("test/calls-admin-service")
    @PermitAll
    public static class CallsAdminService extends Div {
        public CallsAdminService(UserService users) {
            setText("users: " + users.findUsers(null, PageRequest.of(0, 1)).size());
        }
    }
}
