package uk.nhsjob.notifier;

import java.time.Duration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The notifier's own settings ({@code NHSJOB_NOTIFIER_SENDER_ADDRESS} and so on).
 *
 * @param senderAddress the From address of every email
 * @param senderName the From display name
 * @param coalescingWindow how long an instant alert's match waits for others to share its
 * email, as the delivery's {@code CoalescingRule} says (0s: each is due at once)
 * @param messageIdDomain the right-hand side of the Message-IDs the notifier derives
 * @param listId the id in every email's {@code List-Id} header (RFC 2919): one for the
 * service, a domain-like name under the sender's domain
 */
@ConfigurationProperties("nhsjob.notifier")
@Validated
public record NotifierSettings(@DefaultValue("alerts@nhsjob.localhost") @NotBlank @Email String senderAddress,
		@DefaultValue("NHSJob Alerts") @NotBlank String senderName,
		@DefaultValue("30s") @NotNull Duration coalescingWindow,
		@DefaultValue("nhsjob.alerts") @Pattern(regexp = "[A-Za-z0-9.-]+") String messageIdDomain,
		@DefaultValue("alerts.nhsjob.localhost") @Pattern(regexp = "[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+") String listId) {

}
