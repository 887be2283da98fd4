package io.flowdesk.routing;

import java.util.Arrays;
import java.util.Optional;

/** What an agent says of themselves in the header. Only {@link #ONLINE} agents get new work. */
public enum Availability {
    ONLINE("online"),
    AWAY("away"),
    OFFLINE("offline");

    private final String id;

    Availability(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Availability> parse(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }

    /** A stored value; anything unknown reads as offline (no work for someone who never said they are here). */
    public static Availability of(String id) {
        return parse(id).orElse(OFFLINE);
    }
}
