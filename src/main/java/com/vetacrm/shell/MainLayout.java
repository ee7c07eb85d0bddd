package com.vetacrm.shell;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vetacrm.admin.UserService;
import com.vetacrm.security.CurrentUser;
import com.vetacrm.security.VetaPrincipal;
import com.vetacrm.shared.SupportedLanguage;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The frame around every signed-in view: app name, side navigation built from the views'
 * {@code @Menu} annotations (Vaadin lists only the views the user's role may open), and the
 * user menu with language and sign-out, the banners other features contribute ({@link ShellBanner},
 * asked again after every navigation) and their one-time notifications ({@link NavigationNotices}, called
 * after every navigation).
 * <p>
 * Menu titles are translation keys, so one annotation serves every language.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private static final Logger log = LoggerFactory.getLogger(MainLayout.class);

    private final transient AuthenticationContext authenticationContext;
    private final transient UserLanguage userLanguage;
    private final transient ObjectProvider<ShellBanner> banners;
    private final transient UserService users;
    private final transient ObjectProvider<NavigationNotices> notices;
    private final Div bannerArea = new Div();

    MainLayout(AuthenticationContext authenticationContext, CurrentUser currentUser, UserLanguage userLanguage,
            ObjectProvider<ShellBanner> banners, ObjectProvider<NavigationNotices> notices, UserService users) {
        this.authenticationContext = authenticationContext;
        this.notices = notices;
        this.userLanguage = userLanguage;
        this.banners = banners;
        this.users = users;
        setPrimarySection(Section.DRAWER);

        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("veta-brand");
        SideNav nav = sideNav();
        Scroller scroller = new Scroller(nav);
        addToDrawer(new Div(brand), scroller);

        Div spacer = new Div();
        spacer.addClassName("veta-navbar-spacer");
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shell.toggleMenu"));
        bannerArea.setId("shell-banners");
        bannerArea.addClassName("veta-banners");
        bannerArea.setVisible(false);
        addToNavbar(toggle, bannerArea, spacer);
        currentUser.get().ifPresent(user -> addToNavbar(userMenu(user)));
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refreshBanners();
        UI ui = UI.getCurrent();
        notices.orderedStream().sorted(Comparator.comparingInt(NavigationNotices::order)).forEach(n -> {
            try {
                n.afterNavigation(ui);
            } catch (RuntimeException e) {
                log.warn("Navigation notices of {} failed", n.getClass().getName(), e);
            }
        });
    }

    /** Asks every {@link ShellBanner} again, e.g. after a change on the page that may show or hide one. */
    public void refreshBanners() {
        bannerArea.removeAll();
        banners.orderedStream().sorted(Comparator.comparingInt(ShellBanner::order))
                .forEach(b -> b.create().ifPresent(bannerArea::add));
        bannerArea.setVisible(bannerArea.getComponentCount() > 0);
    }

    /** Refreshes the banners of the shell around the UI's current page, if it has one. */
    public static void refreshBanners(UI ui) {
        for (HasElement target : ui.getInternals().getActiveRouterTargetsChain()) {
            if (target instanceof MainLayout layout) {
                layout.refreshBanners();
            }
        }
    }

    private SideNav sideNav() {
        SideNav nav = new SideNav();
        nav.setId("side-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null && entry.icon().contains(":")) {
                String[] icon = entry.icon().split(":", 2);
                item.setPrefixComponent(new Icon(icon[0], icon[1]));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private MenuBar userMenu(VetaPrincipal user) {
        MenuBar menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);

        Avatar avatar = new Avatar(user.displayName());
        avatar.addThemeVariants(AvatarVariant.LUMO_XSMALL);
        Div who = new Div(avatar, new Span(user.displayName()));
        who.addClassName("veta-user");
        MenuItem root = menu.addItem(who);
        SubMenu sub = root.getSubMenu();

        MenuItem language = sub.addItem(getTranslation("shell.language"));
        language.setId("language-select");
        Locale current = getLocale();
        for (SupportedLanguage l : SupportedLanguage.values()) {
            MenuItem option = language.getSubMenu().addItem(l.nativeName(),
                    e -> userLanguage.change(e.getSource().getUI().orElseThrow(), l));
            option.setId("language-" + l.locale().getLanguage());
            option.setCheckable(true);
            option.setChecked(SupportedLanguage.of(current).orElse(SupportedLanguage.fallback()) == l);
        }
        MenuItem password = sub.addItem(getTranslation("shell.password.menu"), e -> new ChangePasswordDialog(users).open());
        password.setId("change-password");
        MenuItem logout = sub.addItem(getTranslation("shell.logout"), e -> authenticationContext.logout());
        logout.setId("logout");
        return menu;
    }
}
