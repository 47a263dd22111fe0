package uk.nhsjob.notifier.delivery;

import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import uk.nhsjob.common.notice.NoticeKind;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.notifier.email.AlertMailer;
import uk.nhsjob.notifier.email.EmailKind;
import uk.nhsjob.notifier.recipient.Recipient;

/**
 * Builds a claimed confirmation request or notice ({@link OneOffEmail}) for
 * {@link EmailDispatch}, or writes why it is not sent: a confirmation request only while
 * its alert is pending, and neither to a suppressed address. A notice needs no alert.
 */
@Component
class OneOffEmails {

	private static final Logger log = LoggerFactory.getLogger(OneOffEmails.class);

	private final DeliveryLedger ledger;

	private final AlertMailer mailer;

	private final Refusals refusals;

	OneOffEmails(DeliveryLedger ledger, AlertMailer mailer, Refusals refusals) {
		this.ledger = ledger;
		this.mailer = mailer;
		this.refusals = refusals;
	}

	/** The email to send, or null when there is none to send (written so). */
	@Nullable OutgoingEmail prepare(ClaimedEmail email, OneOffEmail oneOff, RoundFacts facts) {
		if (oneOff.kind() == OneOffEmail.Kind.CONFIRMATION) {
			Recipient recipient = facts.recipientOf(email);
			if (recipient == null || recipient.status() != AlertStatus.PENDING_CONFIRMATION) {
				// confirmed, expired or erased meanwhile: nothing left to confirm
				String reason = (recipient != null) ? "alert " + recipient.status() : "alert erased";
				this.ledger.skip(email.ids(), reason);
				log.info("Skipped email {}: {}", email.key(), reason);
				return null;
			}
		}
		String suppression = facts.suppressed().get(oneOff.address());
		if (suppression != null) {
			this.refusals.suppressed(email, suppression);
			return null;
		}
		return new OutgoingEmail(build(email.key(), oneOff), oneOff.address(), email.ids(), kindOf(oneOff));
	}

	private MimeMessage build(String key, OneOffEmail oneOff) {
		return switch (oneOff.kind()) {
			case CONFIRMATION -> this.mailer.confirmationEmail(key, oneOff.address(),
					String.valueOf(oneOff.criteriaDescription()), oneOff.url(), oneOff.notMeUrl());
			case MANAGE_LINK -> this.mailer.noticeEmail(key, oneOff.address(), NoticeKind.MANAGE_LINK, oneOff.url());
			case ALERT_LIMIT_REACHED ->
				this.mailer.noticeEmail(key, oneOff.address(), NoticeKind.ALERT_LIMIT_REACHED, oneOff.url());
		};
	}

	private static EmailKind kindOf(OneOffEmail oneOff) {
		return switch (oneOff.kind()) {
			case CONFIRMATION -> EmailKind.CONFIRMATION;
			case MANAGE_LINK -> EmailKind.MANAGE_LINK;
			case ALERT_LIMIT_REACHED -> EmailKind.ALERT_LIMIT_REACHED;
		};
	}

}
