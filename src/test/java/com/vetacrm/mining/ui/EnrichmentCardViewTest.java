package com.vetacrm.mining.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vetacrm.admin.StageService;
import com.vetacrm.admin.TeamService;
import com.vetacrm.chatter.ui.ChatterPanel;
import com.vetacrm.database.SequenceIds;
import com.vetacrm.directory.ReferenceDataService;
import com.vetacrm.lead.LeadDetails;
import com.vetacrm.lead.LeadDraft;
import com.vetacrm.lead.LeadService;
import com.vetacrm.lead.ui.LeadView;
import com.vetacrm.leadsource.SourceCompany;
import com.vetacrm.leadsource.SourceContact;
import com.vetacrm.mining.EnrichmentCard;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ViewTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * DESIGN §5.6: the lead page of a mined lead shows its enrichment card, drawn with components from the
 * stored payload in the reader's language; whatever the payload holds is shown as text.
 */
@WithUserDetails(DemoUsers.MANAGER)
class EnrichmentCardViewTest extends ViewTest {

    @Autowired
    LeadService leads;
    @Autowired
    StageService stages;
    @Autowired
    TeamService teams;
    @Autowired
    ReferenceDataService reference;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EnrichmentCardRenderer renderer;

    static SourceCompany company(String description, String linkedin, String facebook, List<SourceContact> contacts) {
        return new SourceCompany("be-7", "Brussels Bytes", "Brussels Bytes SA", "bytes.example", description,
                "software_services", 1200, new BigDecimal("25000000"), 1998, "+3222000000", null, "info@bytes.example",
                "Rue Neuve 1", "Bruxelles", "1000", "BE", "BE-BRU", "Europe/Brussels", linkedin, null, facebook,
                null, List.of("salesforce", "unknown_tech"), contacts);
    }

    static List<SourceContact> twoContacts() {
        return List.of(new SourceContact("Ann Sales", "Head of Sales", "sale", "manager", "ann@bytes.example", "+3222000001"),
                new SourceContact("Bob Boss", "CEO", "ceo", "executive", "bob@bytes.example", null));
    }

    private long leadWithPayload(String payload) {
        LeadDraft d = new LeadDraft();
        d.setName("Mined " + System.nanoTime());
        d.setStageId(stages.findAllInOrder().getFirst().id());
        d.setTeamId(teams.findActive().getFirst().id());
        LeadDetails lead = leads.create(d);
        if (payload != null) {
            long id = SequenceIds.reserve(jdbc, "chatter_entry_seq", 1)[0];
            jdbc.update("INSERT INTO chatter_entry (id, target_type, target_id, author_id, kind, body, payload, created_at)"
                    + " VALUES (?, 'LEAD', ?, NULL, 'ENRICHMENT', 'Brussels Bytes (bytes.example) - LMR007, 2026-11-26', ?, ?)",
                    id, lead.id(), payload, Timestamp.from(Instant.now()));
        }
        return lead.id();
    }

    private static String card(SourceCompany company) {
        return new EnrichmentCard(EnrichmentCard.VERSION, 77, "LMR007", "directory", "2026-11-26", company).toJson();
    }

    private Div open(long leadId) {
        navigate("leads/" + leadId, LeadView.class);
        return $(Div.class).id("enrichment-card");
    }

    private Optional<EnrichmentCardView> cardIn(Div body) {
        return $(EnrichmentCardView.class, body).all().stream().findFirst();
    }

    private String fact(EnrichmentCardView card, String field) {
        return $(Div.class, card).withClassName("enrichment-fact").all().stream()
                .filter(d -> field.equals(d.getElement().getAttribute("data-field"))).findFirst()
                .map(d -> d.getChildren().skip(1).findFirst().orElseThrow().getElement().getTextRecursively())
                .orElseThrow(() -> new AssertionError("no fact " + field));
    }

    private String name(List<ReferenceDataService.Item> items, String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow().name();
    }

    @Test
    void aMinedLeadShowsTheCompanyBlockTheContactsTableAndTheProvenanceLine() {
        long lead = leadWithPayload(card(company("Cloud software for logistics.", "https://www.linkedin.com/company/bytes",
                "javascript:alert(1)", twoContacts())));
        Locale locale = Locale.ENGLISH;

        EnrichmentCardView card = cardIn(open(lead)).orElseThrow();
        locale = UI.getCurrent().getLocale();

        assertThat($(H4.class, card).single().getText()).isEqualTo("Brussels Bytes");
        assertThat(fact(card, "legal-name")).isEqualTo("Brussels Bytes SA");
        assertThat($(Paragraph.class, card).single().getText()).isEqualTo("Cloud software for logistics.");
        assertThat(fact(card, "industry")).isEqualTo(name(reference.industries(locale), "software_services"));
        assertThat(fact(card, "founded")).isEqualTo("1998");
        assertThat(fact(card, "employees")).isEqualTo(java.text.NumberFormat.getIntegerInstance(locale).format(1200));
        assertThat(fact(card, "revenue")).isEqualTo(EnrichmentCardView.usd(new BigDecimal("25000000"), locale))
                .contains("25").doesNotContain(".00");
        assertThat(fact(card, "phones")).isEqualTo("+32 2 200 00 00");
        assertThat(fact(card, "emails")).isEqualTo("info@bytes.example");
        assertThat(fact(card, "time-zone")).isEqualTo("Europe/Brussels");
        String belgium = reference.countries(locale).stream().filter(c -> c.code().equals("BE")).findFirst().orElseThrow().name();
        String brussels = reference.states("BE", locale).stream().filter(s -> s.code().equals("BE-BRU")).findFirst()
                .orElseThrow().name();
        assertThat(fact(card, "address")).isEqualTo("Rue Neuve 1, 1000 Bruxelles, " + brussels + ", " + belgium);
        assertThat($(Span.class, card).withClassName("enrichment-technology").all()).extracting(Span::getText)
                .containsExactly("Salesforce", "unknown_tech");

        Anchor linkedin = $(Anchor.class, card).withClassName("social-linkedin").single();
        assertThat(linkedin.getHref()).isEqualTo("https://www.linkedin.com/company/bytes");
        assertThat(linkedin.getTarget()).contains("_blank");
        assertThat(linkedin.getElement().getAttribute("rel")).isEqualTo("noopener noreferrer");
        assertThat($(Anchor.class, card).withClassName("social-facebook").all()).as("no link for another scheme").isEmpty();
        assertThat($(Span.class, card).withClassName("social-facebook").single().getText())
                .isEqualTo("Facebook: javascript:alert(1)");

        @SuppressWarnings("unchecked")
        Grid<SourceContact> contacts = $(Grid.class, card).id("enrichment-contacts");
        var grid = test(contacts);
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getCellText(0, 0)).isEqualTo("Ann Sales");
        assertThat(grid.getCellText(0, 1)).isEqualTo("Head of Sales");
        assertThat(grid.getCellText(0, 2)).isEqualTo(name(reference.contactRoles(locale), "sale"));
        assertThat(grid.getCellText(0, 3)).isEqualTo(name(reference.seniorities(locale), "manager"));
        Component mail = grid.getCellComponent(0, "email");
        assertThat(mail).isInstanceOf(Anchor.class);
        assertThat(((Anchor) mail).getHref()).isEqualTo("mailto:ann@bytes.example");
        assertThat(grid.getCellText(0, 5)).isEqualTo("+32 2 200 00 01");

        Div provenance = $(Div.class, card).withClassName("enrichment-provenance").single();
        Anchor request = $(Anchor.class, provenance).single();
        assertThat(request.getHref()).isEqualTo("mining/requests/77");
        assertThat(request.getText()).isEqualTo("LMR007");
        assertThat(provenance.getElement().getTextRecursively()).startsWith("Mined by request LMR007 from the Veta directory on ")
                .contains("2026");
    }

    @Test
    void aSpanishReaderSeesTheNamesOfIndustryCountryAndRolesInSpanish() {
        long lead = leadWithPayload(card(company("x", null, null, twoContacts())));
        UI.getCurrent().setLocale(Locale.forLanguageTag("es"));

        EnrichmentCardView card = cardIn(open(lead)).orElseThrow();

        assertThat(fact(card, "industry")).isEqualTo("Software y servicios");
        assertThat(fact(card, "address")).endsWith("Bélgica");
        assertThat(fact(card, "revenue")).contains("25.000.000").contains("US$");
        assertThat($(Div.class, card).withClassName("enrichment-provenance").single().getElement().getTextRecursively())
                .startsWith("Obtenido por la solicitud LMR007 del directorio de Veta el ");
    }

    @Test
    void aHostileDescriptionAndContactNameAreShownAsText() {
        String hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        long lead = leadWithPayload(card(company(hostile, null, null,
                List.of(new SourceContact("<b>Eve</b>", "<i>t</i>", "sale", "manager", "not-an-email<script>", null)))));

        EnrichmentCardView card = cardIn(open(lead)).orElseThrow();

        Paragraph description = $(Paragraph.class, card).single();
        assertThat(description.getText()).isEqualTo(hostile);
        assertThat(description.getElement().getChildCount()).isEqualTo(1);
        assertThat(description.getElement().getChild(0).isTextNode()).as("a text node, no parsed elements").isTrue();
        assertThat(description.getElement().getProperty("innerHTML")).isNull();
        @SuppressWarnings("unchecked")
        Grid<SourceContact> contacts = $(Grid.class, card).id("enrichment-contacts");
        assertThat(test(contacts).getCellText(0, 0)).isEqualTo("<b>Eve</b>");
        assertThat(test(contacts).getCellComponent(0, "email")).as("an invalid e-mail is no mailto link")
                .isInstanceOf(Span.class);
        assertThat(card.getElement().getProperty("innerHTML")).isNull();
    }

    @Test
    void aLeadWithoutEnrichmentShowsNoCard() {
        long lead = leadWithPayload(null);

        navigate("leads/" + lead, LeadView.class);

        assertThat($(Div.class).withId("enrichment-card").all()).isEmpty();
        assertThat($(EnrichmentCardView.class).all()).isEmpty();
    }

    @Test
    void aPayloadOfAnUnknownVersionOrThatCannotBeReadShowsTheSummaryInstead() {
        String future = card(company("x", null, null, twoContacts())).replace("\"version\":1", "\"version\":2");
        for (String payload : List.of(future, "{\"version\":1,\"company\":{\"employees\":\"many\"}}",
                "{\"version\":1,\"company\":null}")) {
            long lead = leadWithPayload(payload);

            Div body = open(lead);

            assertThat(cardIn(body)).as(payload).isEmpty();
            assertThat(body.getElement().getTextRecursively()).as(payload)
                    .isEqualTo("Brussels Bytes (bytes.example) - LMR007, 2026-11-26");
        }
        assertThat($(ChatterPanel.class).single()).isNotNull();
    }

    @Test
    void aPayloadThatIsNotJsonIsLeftToTheSummary() {
        var item = new com.vetacrm.chatter.ChatterItem(1, com.vetacrm.chatter.ChatterKind.ENRICHMENT, null, null,
                "summary", List.of(), "{not json", Instant.now());

        assertThat(renderer.supports(item)).isTrue();
        assertThat(renderer.render(item)).isEmpty();
    }
}
