package com.vetacrm.mining.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vetacrm.credits.CreditService;
import com.vetacrm.lead.ui.LeadsView;
import com.vetacrm.lead.ui.PipelineView;
import com.vetacrm.mining.MiningForm;
import com.vetacrm.mining.MiningRequestRow;
import com.vetacrm.mining.MiningService;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.DirectoryFixture;
import com.vetacrm.testsupport.SignIns;
import com.vetacrm.testsupport.ViewTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Issue 6 item 4: a requester who left the page is told of each finished request on their next page view, once.
 */
@WithUserDetails(DemoUsers.MANAGER)
class MiningResultNoticesViewTest extends ViewTest {

    @Autowired
    MiningService mining;
    @Autowired
    CreditService credits;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;

    @BeforeEach
    void oneBelgianSoftwareCompanyAndNothingUntold() {
        SignIns.as(users, DemoUsers.ADMIN, () -> {
            credits.grant(100, "notice tests");
            return null;
        });
        DirectoryFixture directory = new DirectoryFixture(jdbc).forgetMinedLeads().empty();
        directory.company("nt-1", "BE", "BE-VLG", "software_services", 40, 1);
        SignIns.as(users, DemoUsers.MANAGER, () -> mining.takeUnseenResults());
    }

    private MiningRequestRow finished(String industry) {
        MiningForm f = mining.newForm();
        f.setLeadNumber(1);
        f.setCountries(Set.of("BE"));
        f.setIndustries(Set.of(industry));
        MiningRequestRow submitted = mining.submit(f, null);
        await().pollInSameThread().atMost(Duration.ofSeconds(30))
                .until(() -> mining.findRequest(submitted.id()).orElseThrow().state().finished());
        return mining.findRequest(submitted.id()).orElseThrow();
    }

    private List<Notification> shownResults() {
        return $(Notification.class).all().stream().filter(n -> n.hasClassName("mining-result"))
                .filter(Notification::isOpened).toList();
    }

    private static String text(Notification n) {
        return n.getChildren().findFirst().orElseThrow().getChildren().findFirst()
                .map(c -> ((Span) c).getText()).orElseThrow();
    }

    @Test
    void aFinishedRequestIsToldOnTheNextPageViewWithALinkToItsLeadsAndNotAgain() {
        navigate(PipelineView.class);
        shownResults().forEach(Notification::close);
        MiningRequestRow done = finished("software_services");

        navigate(LeadsView.class);

        List<Notification> shown = shownResults();
        assertThat(shown).hasSize(1);
        Notification n = shown.getFirst();
        assertThat(n.getId()).contains("mining-result-" + done.id());
        assertThat(text(n)).isEqualTo("1 lead created (" + done.number() + ") — 1 credit");
        Anchor leads = $(Anchor.class, n).withClassName("mining-result-leads-link").single();
        assertThat(leads.getHref()).isEqualTo("leads?request=" + done.id());
        n.close();

        navigate(PipelineView.class);

        assertThat(shownResults()).as("told once").isEmpty();
    }

    @Test
    void aRequestThatFoundNothingIsToldAsNothingCharged() {
        MiningRequestRow none = finished("retailing");

        navigate(PipelineView.class);

        List<Notification> shown = shownResults();
        assertThat(shown).hasSize(1);
        assertThat(text(shown.getFirst())).isEqualTo("Request " + none.number()
                + " found no company matching these filters that is not already in your CRM. Nothing was charged:"
                + " change the filters and try again.");
        assertThat($(Anchor.class, shown.getFirst()).withClassName("mining-result-request-link").single().getHref())
                .isEqualTo("mining/requests/" + none.id());
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void aSalespersonIsToldNothing() {
        navigate(PipelineView.class);

        assertThat(shownResults()).isEmpty();
    }
}
