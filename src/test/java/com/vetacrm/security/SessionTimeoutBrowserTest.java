package com.vetacrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vetacrm.testsupport.BrowserTest;
import com.vetacrm.testsupport.DemoUsers;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * Issue 8, item 6: a signed-in session ends after 30 minutes without use ({@code server.servlet.session.timeout}),
 * and the user is then back at the sign-in page. The tests look at the real server's session of a browser that
 * signed in, and stand in for the 30 minutes by ending the session (the way the server does when the time is up)
 * or by shortening that one session's timeout to two seconds, so they take seconds, not half an hour.
 */
class SessionTimeoutBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    /** The manager signed in, on the board; the server's session of that browser. */
    private Session signedInOnTheBoard() {
        signIn(DemoUsers.MANAGER, DemoUsers.MANAGER_PASSWORD);
        waitFor(By.id("pipeline-board"));
        return serverSession();
    }

    /** The tab is on the sign-in page, and the leads need a new sign-in. */
    private void showsSignInAndRefusesTheLeads() {
        waiting().until(ExpectedConditions.urlContains("login"));
        waitFor(By.cssSelector("#vaadinLoginUsername input"));
        open("leads");
        waiting().until(ExpectedConditions.urlContains("login"));
        assertThat(driver.findElements(By.id("leads-grid"))).isEmpty();
    }

    @Test
    void aSignedInSessionLastsThirtyMinutesAndOnceExpiredTheOpenTabGoesBackToSignIn() {
        Session session = signedInOnTheBoard();
        assertThat(Duration.ofSeconds(session.getMaxInactiveInterval())).isEqualTo(Duration.ofMinutes(30));

        // what the server does when the 30 minutes are up
        session.expire();

        // the user comes back to the open tab and moves on: the sign-in page, not the leads
        waitFor(By.cssSelector("#side-nav vaadin-side-nav-item[path='leads']")).click();
        showsSignInAndRefusesTheLeads();
    }

    @Test
    void anOpenTabLeftAloneIsSignedOutAfterTheTimeoutThoughItsHeartbeatsKeepComing() {
        Session session = signedInOnTheBoard();
        String id = session.getId();
        int uiId = uiIdOf(session);

        // two seconds stand for the 30 minutes; the tab keeps sending Vaadin's heartbeat (every 5 minutes in
        // real life, here every 300 ms), and each one counts as a request for the servlet container
        session.setMaxInactiveInterval(2);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            js("fetch('?v-r=heartbeat&v-uiId=' + arguments[0], {method: 'POST', credentials: 'same-origin'});", uiId);
            return tomcat().getManager().findSession(id) == null;
        });

        // the tab finds its session gone and shows the sign-in page by itself; the leads need a new sign-in
        showsSignInAndRefusesTheLeads();
    }

    @Test
    void aUserWhoKeepsWorkingStaysSignedInWellPastTheTimeout() {
        Session session = signedInOnTheBoard();
        String id = session.getId();
        int uiId = uiIdOf(session);

        // two seconds stand for the 30 minutes; for three times that long the user moves between pages (over the
        // push connection, not requests the container sees) while the tab's heartbeat keeps coming
        session.setMaxInactiveInterval(2);
        String[] pages = {"leads", "pipeline"};
        int[] next = {0};
        Set<String> visited = new HashSet<>();
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(400))
                .until(() -> {
                    driver.findElement(By.cssSelector("#side-nav vaadin-side-nav-item[path='" + pages[next[0]++ % 2] + "']"))
                            .click();
                    visited.add(driver.getCurrentUrl().replaceAll(".*/", ""));
                    js("fetch('?v-r=heartbeat&v-uiId=' + arguments[0], {method: 'POST', credentials: 'same-origin'});", uiId);
                    return tomcat().getManager().findSession(id) != null;
                });

        assertThat(visited).as("pages the user moved between").contains("leads", "pipeline").doesNotContain("login");
        // the heartbeats stop with the loop: back to the real timeout, or the container could end the session two
        // seconds after the last one while the final page is still opening (over push, no request it sees)
        session.setMaxInactiveInterval(1800);
        waitFor(By.cssSelector("#side-nav vaadin-side-nav-item[path='leads']")).click();
        waitFor(By.id("leads-grid"));
        assertThat(driver.getCurrentUrl()).doesNotContain("login");
    }

    // ------------------------------------------------------------------ the running server

    private Context tomcat() {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        return (Context) server.getTomcat().getHost().findChildren()[0];
    }

    /** The server's session of this browser, found by its session cookie. */
    private Session serverSession() {
        String id = driver.manage().getCookieNamed("JSESSIONID").getValue();
        try {
            Session session = tomcat().getManager().findSession(id);
            assertThat(session).as("the server's session %s", id).isNotNull();
            return session;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The id of the UI the browser's tab shows (the heartbeat names it). */
    private static int uiIdOf(Session session) {
        HttpSession http = session.getSession();
        VaadinSession vaadin = Collections.list(http.getAttributeNames()).stream().map(http::getAttribute)
                .filter(VaadinSession.class::isInstance).map(VaadinSession.class::cast).findFirst().orElseThrow();
        vaadin.lock();
        try {
            List<Integer> ids = vaadin.getUIs().stream().map(UI::getUIId).toList();
            return ids.getLast();
        } finally {
            vaadin.unlock();
        }
    }
}
