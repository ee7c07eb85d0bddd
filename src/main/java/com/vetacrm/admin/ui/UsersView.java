package com.vetacrm.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
 * Administrators' list of users, with creating, editing and resetting passwords in dialogs. Lazy:
 * the grid asks the service for one page at a time.
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

        Button newUser = new Button(getTranslation("users.new"), VaadinIcon.PLUS.create(),
                e -> UserDialog.forNewUser(userService, this::refresh).open());
        newUser.setId("user-new");
        newUser.addThemeVariants(ButtonVariant.PRIMARY);

        search.setId("users-search");
        search.setPlaceholder(getTranslation("users.search"));
        search.setAriaLabel(getTranslation("users.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setWidth("24em");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());

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
        grid.addColumn(u -> AdminUi.yesNo(this, u.active()))
                .setHeader(getTranslation("users.active")).setKey("active");
        grid.addComponentColumn(u -> AdminUi.rowActions(
                        AdminUi.rowButton(VaadinIcon.EDIT, getTranslation("users.edit", u.username()), "row-edit",
                                e -> UserDialog.forUser(userService, u, this::refresh).open())))
                .setHeader(getTranslation("admin.actions")).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> userService
                .findUsers(search.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());

        add(AdminUi.header(getTranslation("users.title"), newUser), search, grid);
        setFlexGrow(1, grid);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · " + getTranslation("app.name");
    }
}
