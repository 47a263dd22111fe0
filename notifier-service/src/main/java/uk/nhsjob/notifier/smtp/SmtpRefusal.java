package uk.nhsjob.notifier.smtp;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import uk.nhsjob.platform.privacy.Redaction;

/**
 * An email the SMTP server did not accept, and at which stage (docs/emails.md, "SMTP
 * refusals"). Only a permanent refusal of the recipient at {@code RCPT TO} (550, 551,
 * 553, or an enhanced status 5.1.x) says the address is no good; any other 5xx (at the
 * greeting, {@code MAIL FROM}, {@code DATA}, or 552 to a recipient) is the relay's or the
 * message's fault, permanent for this attempt only; a 4xx, a timeout, a dropped or
 * refused connection are worth trying again soon.
 */
public final class SmtpRefusal extends RuntimeException {

	private static final Set<Integer> RECIPIENT_UNKNOWN = Set.of(550, 551, 553);

	/** The enhanced status code after the reply code ({@code 550 5.1.1 …}), RFC 3463. */
	private static final Pattern ENHANCED = Pattern.compile("^\\d{3}[ -]([245]\\.\\d{1,3}\\.\\d{1,3})\\b");

	/** Jakarta Mail's words for a greeting other than 220. */
	private static final Pattern GREETING = Pattern.compile("bad greeting.*response: (\\d{3})",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private final int replyCode;

	private final Stage stage;

	private final String reply;

	private SmtpRefusal(int replyCode, Stage stage, String reply) {
		super((replyCode > 0) ? "SMTP " + replyCode + " at " + stage.command + ": " + reply
				: "SMTP unavailable: " + reply);
		this.replyCode = replyCode;
		this.stage = stage;
		this.reply = reply;
	}

	/**
	 * The refusal, its reply the server's first line without the addresses it quotes
	 * ({@code 550 5.1.1 <address>: Recipient address rejected}): it is logged and kept in
	 * the ledger. The library's exception is not kept as its cause: its message quotes
	 * the addresses.
	 */
	static SmtpRefusal of(MessagingException ex) {
		for (Throwable cause = ex; cause != null; cause = next(cause)) {
			if (cause instanceof SMTPAddressFailedException failed) {
				return new SmtpRefusal(failed.getReturnCode(), Stage.RCPT_TO, replyOf(failed));
			}
		}
		for (Throwable cause = ex; cause != null; cause = next(cause)) {
			if (cause instanceof SMTPSenderFailedException failed && failed.getReturnCode() >= 400) {
				return new SmtpRefusal(failed.getReturnCode(), Stage.MAIL_FROM, replyOf(failed));
			}
			if (cause instanceof SMTPSendFailedException failed && failed.getReturnCode() >= 400) {
				return new SmtpRefusal(failed.getReturnCode(), Stage.of(failed.getCommand()), replyOf(failed));
			}
		}
		Matcher greeting = GREETING.matcher(String.valueOf(ex.getMessage()));
		if (greeting.find()) {
			return new SmtpRefusal(Integer.parseInt(greeting.group(1)), Stage.CONNECTION, replyOf(ex));
		}
		return new SmtpRefusal(0, Stage.CONNECTION, replyOf(ex));
	}

	/** A 5xx: the same request will not succeed as it is (RFC 5321). */
	public boolean isPermanent() {
		return this.replyCode >= 500 && this.replyCode < 600;
	}

	/**
	 * The server refused the recipient for good at {@code RCPT TO}: 550, 551, 553, or an
	 * enhanced status 5.1.x (bad destination mailbox or system). Only this suppresses the
	 * address.
	 */
	public boolean refusesTheRecipient() {
		if (!isPermanent() || this.stage != Stage.RCPT_TO) {
			return false;
		}
		Matcher enhanced = ENHANCED.matcher(this.reply);
		return RECIPIENT_UNKNOWN.contains(this.replyCode) || (enhanced.find() && enhanced.group(1).startsWith("5.1."));
	}

	/** The server's reply code, or 0 when there was no reply. */
	public int replyCode() {
		return this.replyCode;
	}

	/** Where in the conversation the server refused. */
	public Stage stage() {
		return this.stage;
	}

	/** The server's reply (its first line), every address in it replaced. */
	public String reply() {
		return this.reply;
	}

	private static Throwable next(Throwable ex) {
		if (ex instanceof SendFailedException failed && failed.getNextException() != null) {
			return failed.getNextException();
		}
		return ex.getCause();
	}

	private static String replyOf(Exception ex) {
		String message = String.valueOf(ex.getMessage()).strip();
		int end = message.indexOf('\n');
		return Redaction.of((end < 0) ? message : message.substring(0, end).strip());
	}

	/** The SMTP command the server refused (the greeting counts as the connection's). */
	public enum Stage {

		CONNECTION("connection"), MAIL_FROM("MAIL FROM"), RCPT_TO("RCPT TO"), DATA("DATA"), OTHER("another command");

		private final String command;

		Stage(String command) {
			this.command = command;
		}

		/** As a metric tag and in a log line. */
		public String command() {
			return this.command;
		}

		/**
		 * From the command Jakarta Mail names, never keeping its argument (an address).
		 */
		static Stage of(String command) {
			String verb = String.valueOf(command).strip().toUpperCase(Locale.ROOT);
			if (verb.startsWith("MAIL")) {
				return MAIL_FROM;
			}
			if (verb.startsWith("RCPT")) {
				return RCPT_TO;
			}
			if (verb.startsWith("DATA") || verb.startsWith(".") || verb.startsWith("BDAT")) {
				return DATA;
			}
			return OTHER;
		}

	}

}
