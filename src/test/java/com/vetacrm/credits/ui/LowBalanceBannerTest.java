package com.vetacrm.credits.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.QueryParameters;
import com.vetacrm.credits.CreditPack;
import com.vetacrm.credits.CreditPurchase;
import com.vetacrm.credits.CreditService;
import com.vetacrm.lead.ui.PipelineView;
import com.vetacrm.settings.MiningSettings;
import com.vetacrm.settings.SettingsService;
import com.vetacrm.testsupport.CreditInvariants;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.SignIns;
import com.vetacrm.testsupport.ViewTest;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/** The shell's low-balance warning (DESIGN §6): who sees it, when, and where it leads. */
@WithUserDetails(DemoUsers.MANAGER)
class LowBalanceBannerTest extends ViewTest {

    @Autowired
    CreditService credits;
    @Autowired
    SettingsService settings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;

    @AfterEach
    void ledgerStaysConsistent() {
        CreditInvariants.check(jdbc);
    }

    private <T> T asAdmin(Supplier<T> work) {
        return SignIns.as(users, DemoUsers.ADMIN, work);
    }

    /** Sets the threshold (and Lead Mining) as an administrator would on the settings page. */
    private void settings(long threshold, boolean leadMining) {
        asAdmin(() -> settings.save(new MiningSettings(leadMining, true, "US", 200, (int) threshold,
                MiningSettings.DEFAULT_GDPR_TEXT)));
    }

    private long available() {
        return asAdmin(() -> credits.available());
    }

    private boolean bannerShown() {
        return $(Div.class).withId("low-balance-banner").exists();
    }

    @Test
    void aManagerIsWarnedOnEveryPageWhenAvailableCreditsFallBelowTheThreshold() {
        long available = available();
        settings(available + 1, true);

        navigate(PipelineView.class);

        Div banner = $(Div.class).id("low-balance-banner");
        assertThat(banner.getElement().getTextRecursively()).isEqualTo(String.format(
                "Low credit balance: %,d credits available (warning below %,d).Buy credits", available, available + 1));
        Anchor buy = $(Anchor.class).id("low-balance-buy");
        assertThat(buy.getHref()).isEqualTo("credits?buy");
        assertThat(buy.getText()).isEqualTo("Buy credits");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdministratorIsWarnedToo() {
        settings(available() + 1, true);

        navigate(PipelineView.class);

        assertThat(bannerShown()).isTrue();
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void aSalespersonIsNeverWarned() {
        settings(MiningSettings.MAX_CREDITS, true);

        navigate(PipelineView.class);

        assertThat(bannerShown()).isFalse();
        assertThat($(Div.class).withId("shell-banners").exists()).as("the empty banner area is hidden").isFalse();
    }

    @Test
    void noWarningWhileEnoughCreditsAreAvailable() {
        settings(available(), true);

        navigate(PipelineView.class);

        assertThat(bannerShown()).as("available equal to the threshold is not below it").isFalse();
    }

    @Test
    void noWarningWhileLeadMiningIsOff() {
        settings(MiningSettings.MAX_CREDITS, false);

        navigate(PipelineView.class);

        assertThat(bannerShown()).isFalse();
    }

    @Test
    void theWarningsLinkOpensTheCreditsPageWithTheBuyDialog() {
        settings(available() + 1, true);

        UI.getCurrent().navigate("credits", QueryParameters.simple(Map.of("buy", "")));

        assertThat(getCurrentView()).isInstanceOf(CreditsView.class);
        assertThat($(Dialog.class).id("buy-credits-dialog").isOpened()).isTrue();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void theWarningGoesAwayAsSoonAsAnApprovedPurchaseLiftsTheBalance() {
        settings(available() + 100, true);
        CreditPurchase requested = SignIns.as(users, DemoUsers.MANAGER, () -> credits.requestPurchase(CreditPack.PACK_500));
        navigate(CreditsView.class);
        assertThat(bannerShown()).isTrue();

        @SuppressWarnings("unchecked")
        Grid<CreditPurchase> purchases = $(Grid.class).id("credit-purchases-grid");
        GridTester<Grid<CreditPurchase>, CreditPurchase> grid = test(purchases);
        int row = IntStream.range(0, grid.size()).filter(i -> grid.getRow(i).id() == requested.id())
                .findFirst().orElseThrow();
        Component actions = grid.getCellComponent(row, "actions");
        List<Button> approve = actions.getChildren()
                .filter(c -> c instanceof HasStyle s && s.hasClassName("purchase-approve")).map(Button.class::cast).toList();
        test(approve.getFirst()).click();

        assertThat(bannerShown()).isFalse();
    }
}
