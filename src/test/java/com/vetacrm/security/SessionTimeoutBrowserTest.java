package com.vetacrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.testsupport.BrowserTest;
import com.vetacrm.testsupport.DemoUsers;
import java.time.Duration;
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
 * signed in, and stand in for the 30 minutes by ending the session the way the server does when the time is up.
 */
class SessionTimeoutBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aSignedInSessionLastsThirtyMinutesAndOnceExpiredTheOpenTabGoesBackToSignIn() {
        signIn(DemoUsers.MANAGER, DemoUsers.MANAGER_PASSWORD);
        waitFor(By.id("pipeline-board"));

        Session session = serverSession();
        assertThat(Duration.ofSeconds(session.getMaxInactiveInterval())).isEqualTo(Duration.ofMinutes(30));

        // what the server does when the 30 minutes are up
        session.expire();

        // the user comes back to the open tab and moves on: the sign-in page, not the leads
        waitFor(By.cssSelector("#side-nav vaadin-side-nav-item[path='leads']")).click();
        waiting().until(ExpectedConditions.urlContains("login"));
        waitFor(By.cssSelector("#vaadinLoginUsername input"));
        open("leads");
        waiting().until(ExpectedConditions.urlContains("login"));
        assertThat(driver.findElements(By.id("leads-grid"))).isEmpty();
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
}
