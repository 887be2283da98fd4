package io.flowdesk.shared.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.UI;
import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.Messages;
import io.flowdesk.shared.Text;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.Locale;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** The views' bridge to reactive services: waits on a worker thread, rethrows FlowDesk errors as they are. */
public final class Ui {

    private static final Logger LOG = Logger.getLogger(Ui.class);

    private Ui() {
    }

    public static <T> T await(Supplier<Uni<T>> call) {
        try {
            return VertxContextSupport.subscribeAndAwait(call::get);
        } catch (FlowDeskException e) {
            throw e;
        } catch (RuntimeException e) {
            FlowDeskException cause = find(e);
            if (cause != null) {
                throw cause;
            }
            throw e;
        } catch (Throwable e) {
            FlowDeskException cause = find(e);
            if (cause != null) {
                throw cause;
            }
            throw new IllegalStateException(e);
        }
    }

    private static FlowDeskException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlowDeskException f) {
                return f;
            }
        }
        return null;
    }

    public static void error(String message) {
        toast(message, 6000, NotificationVariant.LUMO_ERROR);
    }

    public static void success(String message) {
        toast(message, 3000, NotificationVariant.LUMO_SUCCESS);
    }

    private static final String BOTTOM_ONE = "flowdesk.toasts.bottomOne";
    private static final String LAST_TOAST = "flowdesk.toasts.last";

    /**
     * Toasts of this UI show at the bottom, one at a time (a new one replaces the previous), so on a phone they
     * do not pile up over the header. The portal's layout turns this on while it is shown.
     */
    public static void toastsAtBottom(UI ui, boolean on) {
        ComponentUtil.setData(ui, BOTTOM_ONE, on ? Boolean.TRUE : null);
    }

    private static void toast(String message, int millis, NotificationVariant variant) {
        UI ui = UI.getCurrent();
        boolean bottomOne = ui != null && ComponentUtil.getData(ui, BOTTOM_ONE) != null;
        if (bottomOne && ComponentUtil.getData(ui, LAST_TOAST) instanceof Notification last) {
            last.close();
        }
        Notification n = Notification.show(message, millis, bottomOne ? Notification.Position.BOTTOM_STRETCH
                : Notification.Position.TOP_CENTER);
        n.addThemeVariants(variant);
        if (bottomOne) {
            ComponentUtil.setData(ui, LAST_TOAST, n);
        }
    }

    /** Runs an action and shows a FlowDesk error as a notification instead of an error page. */
    public static boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (FlowDeskException e) {
            error(message(e));
            return false;
        } catch (RuntimeException e) {
            LOG.error("view action failed", e);
            error(Messages.get(locale(), "problem.view.unexpected"));
            return false;
        }
    }

    /** The UI's language (the session's choice), English outside a UI thread. */
    public static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Messages.EN : ui.getLocale();
    }

    /** A FlowDesk error in the UI's language. */
    public static String message(FlowDeskException e) {
        return e.message(locale());
    }

    /** A text in the UI's language. */
    public static String text(Text text) {
        return text.in(locale());
    }
}
