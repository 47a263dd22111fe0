package uk.nhsjob.ingest.pull.fetch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sources are fetched. Placeholder until the fetch branch lands.
 *
 * @param allowLoopback whether loopback addresses, over plain http too, may be pulled
 */
@ConfigurationProperties("nhsjob.ingest.pull.fetch")
public record FetchSettings(@DefaultValue("false") boolean allowLoopback) {

}
