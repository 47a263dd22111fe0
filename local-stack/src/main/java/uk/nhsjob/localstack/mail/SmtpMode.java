package uk.nhsjob.localstack.mail;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the local stack's SMTP port answers, set through the control interface to try a
 * mail server that is away or refuses mail (docs/local-stack.md, "The control
 * interface").
 */
public enum SmtpMode {

	/** Every message is taken and kept. */
	ACCEPT("accept"),

	/**
	 * Every new connection is greeted with {@code 421} and closed, and a command on a
	 * connection already open is answered {@code 421} and the connection closed: a server
	 * that is down or overloaded.
	 */
	UNAVAILABLE("unavailable"),

	/**
	 * The sender and the recipients are taken, {@code DATA} is answered with a permanent
	 * refusal that is not of the recipient ({@code 554 5.6.0}).
	 */
	REFUSE_DATA("refuse-data");

	static final String UNAVAILABLE_REPLY = "421 4.3.2 Service not available, try again later";

	static final String DATA_REFUSED_REPLY = "554 5.6.0 Message refused";

	private final String value;

	SmtpMode(String value) {
		this.value = value;
	}

	/** Its name in the control interface: {@code accept}, {@code refuse-data}. */
	public String value() {
		return this.value;
	}

	public static Optional<SmtpMode> of(String value) {
		return Arrays.stream(values()).filter((mode) -> mode.value.equals(value)).findFirst();
	}

}
