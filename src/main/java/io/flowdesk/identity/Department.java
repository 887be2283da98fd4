package io.flowdesk.identity;

/** A department, which is also a Flowable candidate group. */
public record Department(String key, String nameZh, String nameEn) {

    public String name(String locale) {
        return locale != null && locale.startsWith("zh") ? nameZh : nameEn;
    }
}
