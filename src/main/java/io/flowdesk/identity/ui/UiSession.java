package io.flowdesk.identity.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import io.flowdesk.identity.CurrentUser;
import java.util.Locale;
import java.util.Optional;

/** The signed-in user and chosen language of a Vaadin session. */
public final class UiSession {

    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;

    private UiSession() {
    }

    public static Optional<CurrentUser> user() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(CurrentUser.class));
    }

    public static void signIn(CurrentUser user) {
        VaadinSession.getCurrent().setAttribute(CurrentUser.class, user.withLocale(localeTag()));
    }

    public static void signOut() {
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(CurrentUser.class, null);
        session.getSession().invalidate();
    }

    private static final String CHOSEN = "flowdesk.locale.chosen";

    /** Until the user picks a language, follow the browser's (zh* → 简体中文, anything else → English). */
    public static void adoptBrowserLanguage() {
        VaadinSession session = VaadinSession.getCurrent();
        com.vaadin.flow.server.VaadinRequest request = com.vaadin.flow.server.VaadinRequest.getCurrent();
        if (session == null || request == null || session.getAttribute(CHOSEN) != null) {
            return;
        }
        Locale browser = request.getLocale();
        session.setLocale(browser != null && browser.getLanguage().equals("zh") ? ZH
                : browser == null ? ZH : EN);
        session.setAttribute(CHOSEN, Boolean.FALSE);
    }

    public static void setLocale(Locale locale) {
        VaadinSession.getCurrent().setAttribute(CHOSEN, Boolean.TRUE);
        VaadinSession.getCurrent().setLocale(locale);
        user().ifPresent(u -> VaadinSession.getCurrent().setAttribute(CurrentUser.class,
                u.withLocale(locale == EN ? "en" : "zh-CN")));
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.setLocale(locale);
        }
    }

    public static Locale locale() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && session.getLocale() != null && session.getLocale().getLanguage().equals("en") ? EN
                : ZH;
    }

    public static String localeTag() {
        return locale() == EN ? "en" : "zh-CN";
    }
}
