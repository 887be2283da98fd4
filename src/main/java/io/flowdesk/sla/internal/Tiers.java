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
        String left = a == null || !ALL.contains(a) ? STANDARD : a;
        String right = b == null || !ALL.contains(b) ? STANDARD : b;
        return ALL.indexOf(right) > ALL.indexOf(left) ? right : left;
    }
}
