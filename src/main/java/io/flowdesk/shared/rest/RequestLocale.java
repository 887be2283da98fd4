package io.flowdesk.shared.rest;

import io.flowdesk.shared.Messages;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * The language an API answer is written in: the request's {@code lang} query parameter (the embedded web form's
 * pages pass it on), else its {@code Accept-Language} (zh-CN or en), else the signed-in user's chosen language, else
 * English.
 */
public final class RequestLocale {

    /** Security-identity attribute holding the user's language tag (set by the identity provider). */
    public static final String USER_LOCALE = "flowdesk.locale";

    private RequestLocale() {
    }

    public static Locale of(RoutingContext context) {
        if (context == null) {
            return Messages.EN;
        }
        String lang = context.request().getParam("lang");
        if (lang != null && !lang.isBlank()) {
            return Messages.locale(lang);
        }
        String header = context.request().getHeader("Accept-Language");
        if (header != null && !header.isBlank() && !header.trim().equals("*")) {
            return Messages.locale(header);
        }
        if (context.user() instanceof QuarkusHttpUser user) {
            return ofUser(user.getSecurityIdentity());
        }
        return Messages.EN;
    }

    public static Locale ofUser(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Messages.EN;
        }
        Object tag = identity.getAttribute(USER_LOCALE);
        return tag == null || tag.toString().isBlank() ? Messages.EN : Messages.locale(tag.toString());
    }
}
