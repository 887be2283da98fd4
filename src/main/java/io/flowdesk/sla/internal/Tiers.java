package io.flowdesk.sla.internal;

import java.util.List;

/** Customer tiers, lowest first. */
public final class Tiers {

    public static final String STANDARD = "standard";
    public static final String VIP = "vip";
    public static final List<String> ALL = List.of(STANDARD, VIP);

    private Tiers() {
    }

    public static String higher(String a, String b) {
        return ALL.indexOf(b) > ALL.indexOf(a) ? b : a == null ? STANDARD : a;
    }
}
