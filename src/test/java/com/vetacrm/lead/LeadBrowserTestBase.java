package com.vetacrm.lead;

import com.vetacrm.testsupport.SignIns;
import com.vetacrm.admin.StageService;
import com.vetacrm.admin.StageSummary;
import com.vetacrm.admin.TagService;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.security.VetaPrincipal;
import com.vetacrm.testsupport.BrowserTest;
import com.vetacrm.testsupport.DemoUsers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What the lead browser tests share: test data written straight through {@link LeadService} (signed in
 * for the call only), a unique word per test so the views can be narrowed to that test's leads with
 * {@code ?q=}, waiting for Vaadin to finish its round trips, and screenshots for a person to look at.
 */
abstract class LeadBrowserTestBase extends BrowserTest {

    @Autowired
    protected LeadService leads;
    @Autowired
    protected StageService stageService;
    @Autowired
    protected TagService tagService;
    @Autowired
    protected UserDetailsService userDetails;

    /** A word in no other test's data (letters and digits). */
    protected static String unique() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    protected static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Runs {@code work} in this thread signed in as {@code username}; the sign-in is cleared after. */
    protected <T> T as(String username, Supplier<T> work) {
        return SignIns.as(userDetails, username, work);
    }

    protected VetaPrincipal principal(String username) {
        return (VetaPrincipal) userDetails.loadUserByUsername(username);
    }

    protected <T> T asManager(Supplier<T> work) {
        return as(DemoUsers.MANAGER, work);
    }

    /** The stages that are neither won nor folded, in board order: their columns show cards. */
    protected List<StageSummary> openStages() {
        return asManager(() -> stageService.findAllInOrder()).stream().filter(s -> !s.won() && !s.fold()).toList();
    }

    protected List<TagSummary> tags() {
        return asManager(() -> tagService.findAll());
    }

    /** Signs in through the login form and waits until the browser has left it. */
    protected void signInAsManager() {
        signIn(DemoUsers.MANAGER, DemoUsers.MANAGER_PASSWORD);
        waiting().until(d -> !d.getCurrentUrl().contains("login"));
        waitUntilIdle();
    }

    /** Waits until the page has loaded and no Vaadin client has a server round trip in progress. */
    protected void waitUntilIdle() {
        waiting().until(d -> Boolean.TRUE.equals(js("""
                if (document.readyState !== 'complete' || !window.Vaadin || !window.Vaadin.Flow
                        || !window.Vaadin.Flow.clients) { return false; }
                const clients = Object.values(window.Vaadin.Flow.clients);
                return clients.length > 0 && clients.every(c => !c.isActive || !c.isActive());
                """)));
    }

    /**
     * The visible elements matching {@code selector} whose text is {@code text}, searched through open
     * shadow roots too: where a Vaadin overlay renders its items is an implementation detail.
     */
    @SuppressWarnings("unchecked")
    protected List<WebElement> visibleDeep(String selector, String text) {
        return (List<WebElement>) js("""
                const [selector, text] = arguments;
                const found = [];
                const visit = root => {
                    root.querySelectorAll(selector).forEach(e => found.push(e));
                    root.querySelectorAll('*').forEach(e => e.shadowRoot && visit(e.shadowRoot));
                };
                visit(document);
                return found.filter(e => e.checkVisibility() && e.textContent.trim() === text);
                """, selector, text);
    }

    /** Waits for the one visible element matching {@code selector} with text {@code text}. */
    protected WebElement waitForDeep(String selector, String text) {
        return waiting().withMessage(() -> "visible " + selector + " with text '" + text + "'")
                .until(d -> visibleDeep(selector, text).stream().findFirst().orElse(null));
    }

    /** Saves the current screen as target/screenshots/{name}.png. */
    protected Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
