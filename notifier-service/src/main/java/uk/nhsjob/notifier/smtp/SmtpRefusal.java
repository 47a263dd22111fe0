package uk.nhsjob.notifier.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import uk.nhsjob.platform.privacy.Redaction;

/**
 * An email the SMTP server did not accept. Permanent when the server answered 5xx about
 * it (RFC 5321: do not repeat the same request); otherwise (a 4xx, a timeout, a dropped
 * or refused connection) worth trying again later.
 */
public final class SmtpRefusal extends RuntimeException {

	private final int replyCode;

	private SmtpRefusal(String message, int replyCode) {
		super(message);
		this.replyCode = replyCode;
	}

	/**
	 * The refusal, its message the server's reply without the addresses it quotes
	 * ({@code 550 5.1.1 <address>: Recipient address rejected}): the message is logged
	 * and kept in the ledger. The library's exception is not kept as its cause: its
	 * message quotes the addresses.
	 */
	static SmtpRefusal of(MessagingException ex) {
		int code = replyCodeOf(ex);
		String reply = Redaction.of(firstLine(ex));
		String reason = (code > 0) ? "SMTP " + code + ": " + reply : "SMTP unavailable: " + reply;
		return new SmtpRefusal(reason, code);
	}

	public boolean isPermanent() {
		return this.replyCode >= 500 && this.replyCode < 600;
	}

	/** The server's reply code, or 0 when there was no reply. */
	public int replyCode() {
		return this.replyCode;
	}

	/** The code of a refused recipient, else of a refused command, else 0. */
	private static int replyCodeOf(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = next(cause)) {
			if (cause instanceof SMTPAddressFailedException failed) {
				return failed.getReturnCode();
			}
		}
		for (Throwable cause = ex; cause != null; cause = next(cause)) {
			if (cause instanceof SMTPSendFailedException failed && failed.getReturnCode() >= 400) {
				return failed.getReturnCode();
			}
		}
		return 0;
	}

	private static Throwable next(Throwable ex) {
		if (ex instanceof SendFailedException failed && failed.getNextException() != null) {
			return failed.getNextException();
		}
		return ex.getCause();
	}

	private static String firstLine(Exception ex) {
		String message = String.valueOf(ex.getMessage()).strip();
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end).strip();
	}

}
