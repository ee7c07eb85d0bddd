package com.vetacrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.testsupport.BrowserTest;
import com.vetacrm.testsupport.DemoUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

class SignInBrowserTest extends BrowserTest {

    @Test
    void managerSignsInSeesTheShellAndSignsOut() {
        signIn(DemoUsers.MANAGER, DemoUsers.MANAGER_PASSWORD);

        waitFor(By.id("pipeline-board"));
        assertThat(driver.getCurrentUrl()).doesNotContain("login");
        assertThat(waitFor(By.id("side-nav")).getText()).contains("Pipeline").doesNotContain("Users");
        assertThat(waitFor(By.id("user-menu")).getText()).contains("Marta Ruiz");
        assertThat(driver.findElements(By.cssSelector("#pipeline-board .stage-column")))
                .extracting(e -> e.getAttribute("data-stage"))
                .containsExactly("New", "Qualified", "Proposition", "Negotiation", "On Hold", "Won");

        driver.findElement(By.cssSelector("#user-menu vaadin-menu-bar-button")).click();
        waitFor(By.id("logout")).click();

        waitFor(By.cssSelector("#vaadinLoginUsername input"));
        open("pipeline");
        waiting().until(ExpectedConditions.urlContains("login"));
    }

    @Test
    void wrongPasswordShowsOneClearErrorAndNoDetail() {
        signIn(DemoUsers.MANAGER, "not-the-password");

        waiting().until(ExpectedConditions.urlContains("error"));
        String formText = waitFor(By.id("login-form")).getText();
        assertThat(formText).contains("Incorrect username or password");
        assertThat(formText).doesNotContainIgnoringCase("exception").doesNotContain("Bad credentials");
    }

    @Test
    void salespersonOpeningAnAdminPageIsToldAccessIsDenied() {
        signIn(DemoUsers.SALES, DemoUsers.SALES_PASSWORD);
        waitFor(By.id("pipeline-board"));

        open("admin/users");

        assertThat(waitFor(By.id("access-denied-view")).getText()).contains("Access denied");
        assertThat(driver.findElements(By.id("users-grid"))).isEmpty();
    }

    @Test
    void adminOpensUserAdministrationFromTheSideNavigation() {
        signIn(DemoUsers.ADMIN, DemoUsers.ADMIN_PASSWORD);
        waitFor(By.id("pipeline-board"));

        waitFor(By.cssSelector("#side-nav vaadin-side-nav-item[path='admin/users']")).click();

        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("users-grid"), "sales@example.com"));
        assertThat(driver.getCurrentUrl()).endsWith("/admin/users");
        assertThat(driver.getTitle()).isEqualTo("Users · Veta");
    }
}
