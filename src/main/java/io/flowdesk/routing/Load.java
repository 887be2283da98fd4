package io.flowdesk.routing;

/**
 * The weight an open task puts on its assignee: P1 = 4, P2 = 2, P3 = 1, P4 = 1 (ADR 0021). An agent's load is the
 * sum over their open tasks; they take new work while the load is below their capacity.
 */
public final class Load {

    public static final int DEFAULT_CAPACITY = 10;

    private Load() {
    }

    public static int weight(String priority) {
        return switch (priority == null ? "" : priority) {
            case "P1" -> 4;
            case "P2" -> 2;
            default -> 1;
        };
    }

    /** The same weights as SQL, for the load query. */
    public static final String SQL_WEIGHT = "case priority when 'P1' then 4 when 'P2' then 2 else 1 end";
}
