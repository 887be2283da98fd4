package io.flowdesk.reports.fields;

import java.util.List;

/** A background export as its owner sees it. {@code percent} is 100 once the file is ready. */
public record ExportJob(String id, String kind, String format, String state, long rowsDone, Long rowsTotal,
        int percent, String reason, String fileName) {

    public static final List<String> FORMATS = List.of("csv", "xlsx");
    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
    public static final String EXPIRED = "EXPIRED";

    public boolean finished() {
        return !state.equals(QUEUED) && !state.equals(RUNNING);
    }

    static int percent(String state, long done, Long total) {
        if (state.equals(DONE)) {
            return 100;
        }
        if (total == null || total <= 0) {
            return 0;
        }
        return (int) Math.min(99, done * 100 / total);
    }
}
