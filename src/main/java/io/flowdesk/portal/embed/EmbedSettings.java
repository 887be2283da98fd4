package io.flowdesk.portal.embed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Abuse limits of the embedded web form ({@code flowdesk.embed.*}). */
@ConfigMapping(prefix = "flowdesk.embed")
public interface EmbedSettings {

    /** Tickets one client address may submit within {@link #window()}. */
    @WithDefault("5")
    int maxPerWindow();

    @WithDefault("10m")
    Duration window();
}
