package com.vetacrm;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import com.vetacrm.testsupport.SignIns;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;

/**
 * The role matrix (reliability issue, item 1): every route and every public method of every service, tried as
 * anonymous, salesperson, sales manager and administrator. Services are really called (with empty arguments):
 * method security answers before the body, so "denied" is what Spring Security decided, and anything else —
 * a result, a refusal of the empty arguments — means the role got in. Routes are judged by Vaadin's own access
 * checker. The result must equal {@code src/test/resources/security-matrix.txt} (reviewed by a person; run with
 * {@code -Dveta.matrix.write=true} to rewrite it and docs/security.md after a deliberate change), and a few
 * rules must hold whatever the file says: a salesperson never reaches settings, credits, the directory, mining
 * or the audit log.
 */
class SecurityMatrixTest extends ServiceTest {

    private static final Path EXPECTED = Path.of("src/test/resources/security-matrix.txt");
    private static final Path DOC = Path.of("docs/security.md");
    private static final List<String> ROLES = List.of("anonymous", "SALESPERSON", "SALES_MANAGER", "ADMIN");
    private static final Map<String, String> USER_OF = Map.of("SALESPERSON", DemoUsers.SALES,
            "SALES_MANAGER", DemoUsers.MANAGER, "ADMIN", DemoUsers.ADMIN);
    /** Services whose methods are called only by other services, never by views: not secured by design. */
    private static final Set<String> INTERNAL = Set.of("ChatterService", "AuditService", "CrmExclusions",
            "AppUserDetailsService");

    /**
     * Open to everyone on purpose: the login page; the lead-mining flags every page needs (and background jobs
     * read without a user); the reference lists (ISO countries, industries) every form offers.
     */
    private static final List<String> OPEN = List.of("route /login", "SettingsService.current(",
            "SettingsService.defaults(", "SettingsService.requireLeadMiningEnabled(", "ReferenceDataService.");

    @Autowired
    ApplicationContext context;
    @Autowired
    UserDetailsService users;

    @Test
    void everyRouteAndServiceMethodAllowsExactlyTheRolesOfTheReviewedMatrix() throws IOException {
        Map<String, String> matrix = new TreeMap<>();
        routes().forEach((path, view) -> matrix.put("route /" + path, allowedRoles(role -> routeAllows(view, role))));
        for (Object bean : services()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            if (INTERNAL.contains(type.getSimpleName())) {
                continue;
            }
            for (Method m : publicMethods(type)) {
                matrix.put("service " + type.getSimpleName() + "." + m.getName() + "(" + m.getParameterCount() + ")",
                        allowedRoles(role -> callAllows(bean, m, role)));
            }
        }
        String actual = render(matrix);

        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, String> e : matrix.entrySet()) {
            boolean openToAll = OPEN.stream().anyMatch(e.getKey()::contains);
            if (!openToAll && e.getKey().matches(".*(Settings|Credit|Directory|Mining|Audit|settings|credits|directory|mining|audit).*")
                    && e.getValue().contains("SALESPERSON")) {
                violations.add(e.getKey() + ": a salesperson gets in");
            }
            if (!openToAll && e.getValue().contains("anonymous")) {
                violations.add(e.getKey() + ": anonymous gets in");
            }
        }
        assertThat(violations).isEmpty();
        if (Boolean.getBoolean("veta.matrix.write") || !Files.exists(EXPECTED)) {
            Files.writeString(EXPECTED, actual, StandardCharsets.UTF_8);
            Files.writeString(DOC, document(matrix), StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(EXPECTED, StandardCharsets.UTF_8));
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8)).as("docs/security.md is up to date")
                .isEqualTo(document(matrix));
    }

    private String allowedRoles(Function<String, Boolean> allows) {
        List<String> allowed = new ArrayList<>();
        for (String role : ROLES) {
            if (allows.apply(role)) {
                allowed.add(role);
            }
        }
        return allowed.isEmpty() ? "nobody" : String.join(", ", allowed);
    }

    // ---------------------------------------------------------------- routes

    private Map<String, Class<?>> routes() {
        Map<String, Class<?>> routes = new TreeMap<>();
        for (Class<?> view : scan(Route.class)) {
            if (view.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes")) {
                continue;  // views only the tests define
            }
            Route route = view.getAnnotation(Route.class);
            routes.put(route.value(), view);
        }
        return routes;
    }

    private boolean routeAllows(Class<?> view, String role) {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        Principal principal = role.equals("anonymous") ? null : () -> USER_OF.get(role);
        return checker.hasAccess(view, principal, r -> r.equals(role));
    }

    // ---------------------------------------------------------------- services

    private List<Object> services() {
        return Arrays.stream(context.getBeanNamesForAnnotation(Service.class))
                .map(context::getBean)
                .filter(b -> AopUtils.getTargetClass(b).getPackageName().startsWith("com.vetacrm"))
                .sorted(Comparator.comparing(b -> AopUtils.getTargetClass(b).getName()))
                .toList();
    }

    private static List<Method> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                        && !m.isSynthetic() && !m.isBridge())
                .sorted(Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount))
                .toList();
    }

    private boolean callAllows(Object bean, Method m, String role) {
        Object[] args = Arrays.stream(m.getParameterTypes()).map(SecurityMatrixTest::empty).toArray();
        Method proxied;
        try {
            proxied = bean.getClass().getMethod(m.getName(), m.getParameterTypes());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        if (role.equals("anonymous")) {
            SecurityContextHolder.clearContext();
            return invoke(bean, proxied, args);
        }
        return SignIns.as(users, USER_OF.get(role), () -> invoke(bean, proxied, args));
    }

    private static boolean invoke(Object bean, Method m, Object[] args) {
        try {
            m.invoke(bean, args);
            return true;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            return !(cause instanceof AccessDeniedException || cause instanceof AuthenticationCredentialsNotFoundException);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The emptiest argument of a type: method security is decided before any argument is looked at. */
    private static Object empty(Class<?> type) {
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == double.class) {
            return 0d;
        }
        return null;
    }

    // ---------------------------------------------------------------- output

    private static String render(Map<String, String> matrix) {
        StringBuilder s = new StringBuilder();
        matrix.forEach((what, who) -> s.append(what).append(" = ").append(who).append('\n'));
        return s.toString();
    }

    private static String document(Map<String, String> matrix) {
        StringBuilder s = new StringBuilder("""
                # Security: who may do what

                Generated by `SecurityMatrixTest` (`-Dveta.matrix.write=true` rewrites it after a deliberate change;
                the test fails while this file and `src/test/resources/security-matrix.txt` differ from what the
                application does). Every route is judged by Vaadin's access checker; every public method of every
                service is really called as each role, and "allowed" means method security let the call in (the
                method may still refuse its input). Services called only by other services (the chatter, the audit
                log's writer, the CRM's exclusions, the user store behind sign-in) are not listed: views cannot reach them.

                Beyond roles: a salesperson sees and changes only the leads of their own teams (`LeadScope`, tested in
                `LeadAccessTest`); sign-in locks a user after 10 failures in 5 minutes; every page carries
                `X-Frame-Options: DENY`, `X-Content-Type-Options: nosniff`, `Referrer-Policy` and a Content Security
                Policy; CSRF protection is Vaadin's and Spring Security's, on.

                | route or method | anonymous | salesperson | sales manager | administrator |
                |---|---|---|---|---|
                """);
        matrix.forEach((what, who) -> {
            List<String> cells = new ArrayList<>();
            for (String role : ROLES) {
                cells.add(Arrays.asList(who.split(", ")).contains(role) ? "yes" : "—");
            }
            s.append("| `").append(what).append("` | ").append(String.join(" | ", cells)).append(" |\n");
        });
        return s.toString();
    }

    private static List<Class<?>> scan(Class<? extends java.lang.annotation.Annotation> annotation) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(annotation));
        List<Class<?>> classes = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("com.vetacrm")) {
            try {
                classes.add(Class.forName(candidate.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        classes.sort(Comparator.comparing(Class::getName));
        return classes;
    }
}
