package com.vetacrm.credits.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vetacrm.credits.CreditBalance;
import com.vetacrm.credits.CreditEntryKind;
import com.vetacrm.credits.CreditEntryRow;
import com.vetacrm.credits.CreditHold;
import com.vetacrm.credits.CreditPack;
import com.vetacrm.credits.CreditPurchase;
import com.vetacrm.credits.CreditService;
import com.vetacrm.credits.PurchaseState;
import com.vetacrm.shell.AccessDeniedView;
import com.vetacrm.testsupport.MiningRequestRows;
import com.vetacrm.testsupport.CreditInvariants;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.SignIns;
import com.vetacrm.testsupport.ViewTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/** The credits page: figures, purchases and their approval, the ledger and who may do what. */
@WithUserDetails(DemoUsers.MANAGER)
class CreditsViewTest extends ViewTest {

    @Autowired
    CreditService credits;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;

    @AfterEach
    void ledgerStaysConsistent() {
        CreditInvariants.check(jdbc);
    }

    private <T> T as(String username, Supplier<T> work) {
        return SignIns.as(users, username, work);
    }

    @SuppressWarnings("unchecked")
    private Grid<CreditEntryRow> ledger() {
        return $(Grid.class).id("credit-ledger-grid");
    }

    @SuppressWarnings("unchecked")
    private Grid<CreditPurchase> purchases() {
        return $(Grid.class).id("credit-purchases-grid");
    }

    private static <T> List<T> rows(GridTester<Grid<T>, T> grid) {
        List<T> rows = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            rows.add(grid.getRow(i));
        }
        return rows;
    }

    private <T> Component cell(Grid<T> grid, Predicate<T> row, String column) {
        GridTester<Grid<T>, T> tester = test(grid);
        for (int i = 0; i < tester.size(); i++) {
            if (row.test(tester.getRow(i))) {
                return tester.getCellComponent(i, column);
            }
        }
        throw new AssertionError("no such row in " + grid.getId().orElse("grid"));
    }

    /** The button of that class: the cell itself or one of its children. */
    private Button button(Component cell, String className) {
        if (cell instanceof Button b && b.hasClassName(className)) {
            return b;
        }
        return cell.getChildren().filter(c -> c instanceof HasStyle s && s.hasClassName(className))
                .map(Button.class::cast).findFirst().orElseThrow(() -> new AssertionError("no ." + className));
    }

    private static boolean hasButton(Component cell, String className) {
        return cell.getChildren().anyMatch(c -> c instanceof HasStyle s && s.hasClassName(className));
    }

    // ---------------------------------------------------------------- what a manager sees

    @Test
    void aManagerSeesTheFiguresAndTheLedgerButNoAdministratorsActions() {
        CreditBalance balance = credits.balance();

        navigate(CreditsView.class);

        assertThat($(Div.class).id("credit-balance").getElement().getTextRecursively())
                .contains("available", "balance", "held by running requests");
        assertThat($(Span.class).id("credit-available").getText()).isEqualTo(String.format(Locale.ENGLISH, "%,d", balance.available()));
        assertThat($(Span.class).id("credit-balance-value").getText()).isEqualTo(String.format(Locale.ENGLISH, "%,d", balance.balance()));
        assertThat($(Span.class).id("credit-held").getText()).isEqualTo(String.format(Locale.ENGLISH, "%,d", balance.held()));
        assertThat($(Button.class).id("buy-credits-button").isVisible()).isTrue();
        assertThat($(Button.class).withId("grant-credits-button").exists()).isFalse();
        assertThat(ledger().getColumnByKey("actions")).isNull();
        assertThat(purchases().getColumnByKey("actions")).isNull();
        assertThat(rows(test(ledger()))).extracting(CreditEntryRow::reference).contains("trial");
    }

    @Test
    void aManagerRequestsAPackAndSeesItWaitingWithoutAnApproveButton() {
        long balance = credits.balance().balance();
        navigate(CreditsView.class);

        test($(Button.class).id("buy-credits-button")).click();
        Dialog dialog = $(Dialog.class).id("buy-credits-dialog");
        assertThat(test($(RadioButtonGroup.class, dialog).id("buy-credits-pack")).getSelected()).isEqualTo(CreditPack.PACK_500);
        test($(RadioButtonGroup.class, dialog).id("buy-credits-pack")).selectItem("1,000 credits");
        test($(Button.class, dialog).id("buy-credits-submit")).click();

        assertThat(test($(Notification.class).id("credits-notification")).getText())
                .isEqualTo("Purchase of 1,000 credits requested. An administrator will approve it.");
        CreditPurchase requested = rows(test(purchases())).getFirst();
        assertThat(requested.credits()).isEqualTo(1_000);
        assertThat(requested.state()).isEqualTo(PurchaseState.REQUESTED);
        assertThat(requested.requestedByName()).isEqualTo("Marta Ruiz");
        assertThat(credits.balance().balance()).as("nothing credited yet").isEqualTo(balance);
        assertThat(test(purchases()).getCellComponent(0, "state").getElement().getText()).isEqualTo("Waiting for approval");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdministratorApprovesAManagersRequestAndTheBalanceAndLedgerShowIt() {
        CreditPurchase requested = as(DemoUsers.MANAGER, () -> credits.requestPurchase(CreditPack.PACK_500));
        long balance = credits.balance().balance();
        long available = credits.available();
        navigate(CreditsView.class);

        test(button(cell(purchases(), p -> p.id() == requested.id(), "actions"), "purchase-approve")).click();

        assertThat(credits.balance().balance()).isEqualTo(balance + 500);
        assertThat($(Span.class).id("credit-available").getText())
                .isEqualTo(String.format(Locale.ENGLISH, "%,d", available + 500));
        CreditEntryRow newest = test(ledger()).getRow(0);
        assertThat(newest.kind()).isEqualTo(CreditEntryKind.PURCHASE);
        assertThat(newest.amount()).isEqualTo(500);
        assertThat(test(ledger()).getCellText(0, 2)).isEqualTo("+500");
        assertThat(test(ledger()).getCellText(0, 7)).isEqualTo("Purchase no. " + requested.id() + ", approved");
        assertThat(rows(test(purchases())).stream().filter(p -> p.id() == requested.id()).findFirst().orElseThrow().state())
                .isEqualTo(PurchaseState.APPROVED);
        assertThat(hasButton(cell(purchases(), p -> p.id() == requested.id(), "actions"), "purchase-approve")).isFalse();
        assertThat(test($(Notification.class).id("credits-notification")).getText()).isEqualTo("500 credits added to the balance.");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdministratorRejectsARequestWithAReason() {
        CreditPurchase requested = as(DemoUsers.MANAGER, () -> credits.requestPurchase(CreditPack.PACK_5000));
        long balance = credits.balance().balance();
        navigate(CreditsView.class);

        test(button(cell(purchases(), p -> p.id() == requested.id(), "actions"), "purchase-reject")).click();
        Dialog dialog = $(Dialog.class).id("purchase-reject-dialog");
        test($(Button.class, dialog).id("purchase-reject-submit")).click();
        assertThat($(TextField.class, dialog).id("purchase-reject-reason").getErrorMessage())
                .isEqualTo("Enter the reason; it is kept in the ledger.");
        test($(TextField.class, dialog).id("purchase-reject-reason")).setValue("Too large for this quarter");
        test($(Button.class, dialog).id("purchase-reject-submit")).click();

        CreditPurchase rejected = rows(test(purchases())).stream().filter(p -> p.id() == requested.id()).findFirst().orElseThrow();
        assertThat(rejected.state()).isEqualTo(PurchaseState.REJECTED);
        assertThat(rejected.note()).isEqualTo("Too large for this quarter");
        assertThat(credits.balance().balance()).isEqualTo(balance);
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdministratorGrantsCreditsWithAReason() {
        long balance = credits.balance().balance();
        navigate(CreditsView.class);

        test($(Button.class).id("grant-credits-button")).click();
        Dialog dialog = $(Dialog.class).id("credit-grant-dialog");
        test($(IntegerField.class, dialog).id("credit-grant-amount")).setValue(40);
        test($(TextField.class, dialog).id("credit-grant-reason")).setValue("Pilot bonus");
        test($(Button.class, dialog).id("credit-grant-submit")).click();

        assertThat(credits.balance().balance()).isEqualTo(balance + 40);
        assertThat(test(ledger()).getRow(0).note()).isEqualTo("Pilot bonus");
        assertThat(test(ledger()).getCellText(0, 7)).isEqualTo("Pilot bonus");
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void anAdministratorRefundsPartOfACharge() {
        MiningRequestRows.ensure(jdbc, 31);
        CreditHold hold = as(DemoUsers.MANAGER, () -> credits.hold(20, "view-refund", 31L));
        as(DemoUsers.MANAGER, () -> {
            credits.capture(hold.id(), 8);
            return null;
        });
        long balance = credits.balance().balance();
        navigate(CreditsView.class);

        test(button(cell(ledger(), e -> e.kind() == CreditEntryKind.CAPTURE && hold.id() == e.holdId(), "actions"),
                "ledger-refund")).click();
        Dialog dialog = $(Dialog.class).id("credit-refund-dialog");
        assertThat($(IntegerField.class, dialog).id("credit-refund-amount").getValue()).isEqualTo(8);
        test($(IntegerField.class, dialog).id("credit-refund-amount")).setValue(3);
        test($(TextField.class, dialog).id("credit-refund-reason")).setValue("Three duplicates");
        test($(Button.class, dialog).id("credit-refund-submit")).click();

        assertThat(credits.balance().balance()).isEqualTo(balance + 3);
        assertThat(test(ledger()).getRow(0).kind()).isEqualTo(CreditEntryKind.REFUND);
    }

    // ---------------------------------------------------------------- the ledger

    @Test
    void aLedgerRowOfAMiningRequestLinksToIt() {
        MiningRequestRows.ensure(jdbc, 4242);
        CreditHold hold = credits.hold(5, "view-link", 4242L);
        navigate(CreditsView.class);

        Component link = cell(ledger(), e -> hold.id() == (e.holdId() == null ? -1 : e.holdId()), "request");

        assertThat(link).isInstanceOf(Anchor.class);
        assertThat(((Anchor) link).getHref()).isEqualTo("mining/requests/4242");
        assertThat(((Anchor) link).getText()).isEqualTo("Request 4242");
        assertThat(cell(ledger(), e -> "trial".equals(e.reference()), "request").getChildren()).isEmpty();
        credits.release(hold.id());
    }

    @Test
    void theLedgerIsFilteredByKindAndDate() {
        CreditHold hold = credits.hold(2, "view-filter", null);
        credits.release(hold.id());
        navigate(CreditsView.class);

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<CreditEntryKind> kind = $(MultiSelectComboBox.class).id("credit-filter-kind");
        kind.setValue(Set.of(CreditEntryKind.RELEASE));
        assertThat(rows(test(ledger()))).isNotEmpty().allSatisfy(e -> assertThat(e.kind()).isEqualTo(CreditEntryKind.RELEASE));

        kind.clear();
        $(DatePicker.class).id("credit-filter-from").setValue(LocalDate.now().plusDays(2));
        assertThat(test(ledger()).size()).isZero();

        $(DatePicker.class).id("credit-filter-to").setValue(LocalDate.now().minusDays(2));
        assertThat($(DatePicker.class).id("credit-filter-to").isInvalid()).isTrue();

        $(DatePicker.class).id("credit-filter-from").setValue(LocalDate.now().minusDays(2));
        $(DatePicker.class).id("credit-filter-to").setValue(LocalDate.now().plusDays(2));
        assertThat(rows(test(ledger()))).extracting(CreditEntryRow::reference).contains("trial", "view-filter");
    }

    @Test
    void theLedgerAsksForOnePageAtATime() {
        assertThat(credits.entries(com.vetacrm.credits.LedgerFilter.none(), PageRequest.of(0, 1))).hasSize(1);
        navigate(CreditsView.class);

        assertThat(ledger().getDataProvider().isInMemory()).as("a lazy grid").isFalse();
    }

    @Test
    @WithUserDetails(DemoUsers.ADMIN)
    void numbersAreWrittenInTheUsersLanguage() {
        credits.grant(20_000, "Big enough to group digits");
        long available = credits.available();
        UI.getCurrent().setLocale(Locale.forLanguageTag("es"));

        navigate(CreditsView.class);

        assertThat($(Span.class).id("credit-available").getText())
                .isEqualTo(String.format(Locale.forLanguageTag("es"), "%,d", available))
                .contains(".");
        assertThat(test(ledger()).getCellText(0, 2)).isEqualTo("+20.000");
        assertThat($(Button.class).id("buy-credits-button").getText()).isEqualTo("Comprar créditos");
    }

    // ---------------------------------------------------------------- who may open it

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void aSalespersonCannotOpenCredits() {
        navigate("credits", AccessDeniedView.class);
        assertThat($(CreditsView.class).exists()).isFalse();
    }
}
