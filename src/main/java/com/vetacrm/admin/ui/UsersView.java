package com.vetacrm.admin.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vetacrm.admin.UserService;
import com.vetacrm.admin.UserSummary;
import com.vetacrm.security.Role;
import com.vetacrm.shared.SupportedLanguage;
import jakarta.annotation.security.RolesAllowed;

/**
 * Administrators' list of users. Lazy: the grid asks the service for one page at a time.
 * Creating and editing users arrives with the administration issue.
 */
@Route("admin/users")
@RolesAllowed(Role.Names.ADMIN)
@Menu(title = "nav.admin.users", order = 900, icon = "vaadin:users")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final Grid<UserSummary> grid = new Grid<>();
    private final TextField search = new TextField();

    UsersView(UserService userService) {
        setId("users-view");
        setSizeFull();

        search.setId("users-search");
        search.setPlaceholder(getTranslation("users.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setWidth("24em");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(UserSummary::username).setHeader(getTranslation("users.username"))
                .setKey("username").setSortable(true).setSortProperty("username");
        grid.addColumn(UserSummary::displayName).setHeader(getTranslation("users.displayName"))
                .setKey("displayName").setSortable(true).setSortProperty("displayName");
        grid.addColumn(UserSummary::email).setHeader(getTranslation("users.email")).setKey("email");
        grid.addColumn(u -> getTranslation(u.role().labelKey())).setHeader(getTranslation("users.role"))
                .setKey("role");
        grid.addColumn(u -> SupportedLanguage.ofTag(u.locale()).map(SupportedLanguage::nativeName)
                .orElse(getTranslation("users.language.browser"))).setHeader(getTranslation("users.language"))
                .setKey("language");
        grid.addColumn(u -> getTranslation(u.active() ? "users.active.yes" : "users.active.no"))
                .setHeader(getTranslation("users.active")).setKey("active");
        grid.setItems(query -> userService
                .findUsers(search.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());

        add(new H2(getTranslation("users.title")), search, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · " + getTranslation("app.name");
    }
}
