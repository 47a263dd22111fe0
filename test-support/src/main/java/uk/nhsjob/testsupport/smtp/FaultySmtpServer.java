package uk.nhsjob.testsupport.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server on loopback that speaks just enough SMTP to accept mail, and fails on
 * request for a recipient: a 4xx or 5xx to its RCPT (one 5xx quoting the address, as many
 * servers do), any reply of the test's to its RCPT, no answer at all, or a dropped
 * connection; or for everyone at one stage (the greeting, {@code MAIL FROM},
 * {@code DATA}) until told to accept again, or for every client while it is
 * {@linkplain #setUnavailable unavailable}.
 */
public final class FaultySmtpServer implements AutoCloseable {

	private final ServerSocket server;

	private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();

	private final List<Accepted> accepted = new CopyOnWriteArrayList<>();

	private final List<String> recipientsTried = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<String>> recipientReplies = new ConcurrentHashMap<>();

	private final Map<Stage, String> refusals = new ConcurrentHashMap<>();

	private final AtomicInteger connections = new AtomicInteger();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile boolean unavailable;

	public FaultySmtpServer() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::acceptAll, "faulty-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public String host() {
		return this.server.getInetAddress().getHostAddress();
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** The next RCPT of this address meets these faults, one per attempt. */
	public void failNext(String address, Fault... faults) {
		this.faults.computeIfAbsent(address.toLowerCase(Locale.ROOT), (key) -> new ArrayDeque<>())
			.addAll(List.of(faults));
	}

	/**
	 * The next RCPT of this address is answered with this reply (e.g.
	 * {@code 552 5.2.2 Mailbox full}).
	 */
	public void refuseNext(String address, String reply) {
		this.recipientReplies.computeIfAbsent(address.toLowerCase(Locale.ROOT), (key) -> new ArrayDeque<>()).add(reply);
	}

	/**
	 * Every conversation is answered with this reply at that stage, until
	 * {@link #acceptAgain()}.
	 */
	public void refuseAt(Stage stage, String reply) {
		this.refusals.put(stage, reply);
	}

	/** No more refusals at any stage ({@link #refuseAt}). */
	public void acceptAgain() {
		this.refusals.clear();
	}

	/**
	 * While on, every connection is greeted with {@code 421} (service not available) and
	 * closed, as a server shutting down or overloaded does.
	 */
	public void setUnavailable(boolean unavailable) {
		this.unavailable = unavailable;
	}

	public List<Accepted> accepted() {
		return List.copyOf(this.accepted);
	}

	public List<Accepted> acceptedFor(String address) {
		return this.accepted.stream().filter((mail) -> mail.recipients().contains(address)).toList();
	}

	/** Every RCPT address the server saw, in order. */
	public List<String> recipientsTried() {
		return List.copyOf(this.recipientsTried);
	}

	public int connections() {
		return this.connections.get();
	}

	private void acceptAll() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.connections.incrementAndGet();
				this.sockets.add(socket);
				Thread session = new Thread(() -> converse(socket), "faulty-smtp-session");
				session.setDaemon(true);
				session.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void converse(Socket socket) {
		try (socket) {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			OutputStream out = socket.getOutputStream();
			if (this.unavailable) {
				reply(out, "421 4.3.2 Service not available, closing transmission channel");
				return;
			}
			String greetingRefused = this.refusals.get(Stage.GREETING);
			reply(out, (greetingRefused != null) ? greetingRefused : "220 faulty.test ESMTP");
			List<String> recipients = new ArrayList<>();
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				String command = line.toUpperCase(Locale.ROOT);
				if (command.startsWith("EHLO") || command.startsWith("HELO")) {
					reply(out, "250 faulty.test");
				}
				else if (command.startsWith("MAIL FROM")) {
					recipients.clear();
					String refused = this.refusals.get(Stage.MAIL_FROM);
					reply(out, (refused != null) ? refused : "250 2.1.0 OK");
				}
				else if (command.startsWith("RCPT TO")) {
					String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
					this.recipientsTried.add(address);
					Deque<String> replies = this.recipientReplies.get(address.toLowerCase(Locale.ROOT));
					String scripted = (replies != null) ? replies.poll() : null;
					if (scripted != null) {
						reply(out, scripted);
						continue;
					}
					Deque<Fault> queued = this.faults.get(address.toLowerCase(Locale.ROOT));
					Fault fault = (queued != null && !queued.isEmpty()) ? queued.poll() : Fault.NONE;
					switch (fault) {
						case NONE -> {
							recipients.add(address);
							reply(out, "250 2.1.5 OK");
						}
						case BUSY -> reply(out, "451 4.3.0 Mailbox busy, try again later");
						case NO_SUCH_USER -> reply(out, "550 5.1.1 No such user");
						// as Postfix words it: the reply quotes the address
						case UNKNOWN_QUOTED -> reply(out, "550 5.1.1 <" + address
								+ ">: Recipient address rejected: User unknown in local recipient table");
						case STALL -> {
							// say nothing until the client gives up and hangs up
							while (in.readLine() != null) {
							}
							return;
						}
						case DROP -> {
							return;
						}
					}
				}
				else if (command.equals("DATA")) {
					String refused = this.refusals.get(Stage.DATA);
					if (refused != null) {
						reply(out, refused);
						continue;
					}
					reply(out, "354 End data with <CR><LF>.<CR><LF>");
					StringBuilder data = new StringBuilder();
					for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
						data.append(body.startsWith("..") ? body.substring(1) : body).append("\r\n");
					}
					this.accepted.add(new Accepted(List.copyOf(recipients), data.toString()));
					reply(out, "250 2.0.0 OK queued");
				}
				else if (command.startsWith("RSET")) {
					recipients.clear();
					reply(out, "250 2.0.0 OK");
				}
				else if (command.startsWith("NOOP")) {
					reply(out, "250 2.0.0 OK");
				}
				else if (command.startsWith("QUIT")) {
					reply(out, "221 2.0.0 Bye");
					return;
				}
				else {
					reply(out, "502 5.5.1 Not implemented");
				}
			}
		}
		catch (IOException ex) {
			// the client hung up
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	public enum Fault {

		NONE, BUSY, NO_SUCH_USER, UNKNOWN_QUOTED, STALL, DROP

	}

	/** Where {@link #refuseAt} answers with its reply instead of going on. */
	public enum Stage {

		GREETING, MAIL_FROM, DATA

	}

	/** A message the server took: its envelope recipients and its text. */
	public record Accepted(List<String> recipients, String data) {
	}

}
