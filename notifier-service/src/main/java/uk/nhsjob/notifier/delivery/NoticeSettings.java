package uk.nhsjob.notifier.delivery;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the ledger keeps a notice ({@code NHSJOB_NOTIFIER_NOTICES_RETENTION}).
 *
 * @param retention from its recording, sent or not: a notice holds an address that may
 * belong to no alert the notifier knows, so MongoDB deletes the entry then (a TTL index
 * on {@code deliveries.expiresAt}); a notice SMTP could not take for that long is
 * dropped, its request stale by then
 */
@ConfigurationProperties("nhsjob.notifier.notices")
@Validated
record NoticeSettings(@DefaultValue("7d") @NotNull Duration retention) {

}
