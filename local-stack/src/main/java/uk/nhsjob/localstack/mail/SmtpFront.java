package uk.nhsjob.localstack.mail;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;

/**
 * The SMTP port the services send to: a relay in front of GreenMail's SMTP server (on a
 * port of its own on loopback) that can also play a mail server that is away or refuses
 * mail ({@link SmtpMode}). In {@link SmtpMode#ACCEPT} it passes each command to GreenMail
 * and its reply back, and the message itself as it came, so GreenMail keeps it; in the
 * other modes it answers itself. GreenMail offers neither pipelining nor STARTTLS, so a
 * client sends one command and waits for its reply, and the relay reads a line at a time.
 * <p>
 * Nothing it relays is logged: a conversation names its recipients.
 */
final class SmtpFront implements AutoCloseable {

	private static final int UPSTREAM_TIMEOUT_MILLIS = 60_000;

	private static final int BUFFER = 64 * 1024;

	private final ServerSocket server;

	private final InetSocketAddress upstream;

	private final ExecutorService sessions = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "smtp-front");
		thread.setDaemon(true);
		return thread;
	});

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile SmtpMode mode = SmtpMode.ACCEPT;

	private SmtpFront(ServerSocket server, InetSocketAddress upstream) {
		this.server = server;
		this.upstream = upstream;
	}

	/**
	 * Listens on the address and relays to the upstream SMTP server.
	 * @param port the port, or 0 for a free one
	 */
	static SmtpFront start(String host, int port, String upstreamHost, int upstreamPort) {
		ServerSocket server;
		try {
			server = new ServerSocket();
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(InetAddress.getByName(host), port), 200);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen for SMTP clients on " + host + ":" + port, ex);
		}
		SmtpFront front = new SmtpFront(server, new InetSocketAddress(upstreamHost, upstreamPort));
		Thread acceptor = new Thread(front::acceptAll, "smtp-front-accept");
		acceptor.setDaemon(true);
		acceptor.start();
		return front;
	}

	int port() {
		return this.server.getLocalPort();
	}

	SmtpMode mode() {
		return this.mode;
	}

	void setMode(SmtpMode mode) {
		this.mode = mode;
	}

	private void acceptAll() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.open.add(client);
				this.sessions.execute(() -> serve(client));
			}
			catch (IOException | RuntimeException ex) {
				// closed, or a session could not start: the client sees its connection
				// drop
			}
		}
	}

	private void serve(Socket client) {
		try (client) {
			client.setTcpNoDelay(true);
			LineReader clientIn = new LineReader(client.getInputStream());
			OutputStream clientOut = new BufferedOutputStream(client.getOutputStream(), BUFFER);
			if (this.mode == SmtpMode.UNAVAILABLE) {
				reply(clientOut, SmtpMode.UNAVAILABLE_REPLY);
				return;
			}
			try (Socket upstream = connectUpstream()) {
				if (upstream == null) {
					reply(clientOut, SmtpMode.UNAVAILABLE_REPLY);
					return;
				}
				this.open.add(upstream);
				try {
					relay(clientIn, clientOut, new LineReader(upstream.getInputStream()),
							new BufferedOutputStream(upstream.getOutputStream(), BUFFER));
				}
				finally {
					this.open.remove(upstream);
				}
			}
		}
		catch (IOException ex) {
			// either side hung up
		}
		finally {
			this.open.remove(client);
		}
	}

	private @Nullable Socket connectUpstream() {
		Socket upstream = new Socket();
		try {
			upstream.setTcpNoDelay(true);
			upstream.setSoTimeout(UPSTREAM_TIMEOUT_MILLIS);
			upstream.connect(this.upstream, 5_000);
			return upstream;
		}
		catch (IOException ex) {
			try {
				upstream.close();
			}
			catch (IOException closing) {
				ex.addSuppressed(closing);
			}
			return null;
		}
	}

	private void relay(LineReader clientIn, OutputStream clientOut, LineReader upstreamIn, OutputStream upstreamOut)
			throws IOException {
		relayReply(upstreamIn, clientOut);
		for (byte[] line = clientIn.readLine(); line != null; line = clientIn.readLine()) {
			SmtpMode now = this.mode;
			if (now == SmtpMode.UNAVAILABLE) {
				reply(clientOut, SmtpMode.UNAVAILABLE_REPLY);
				return;
			}
			String command = command(line);
			if (command.equals("DATA") && now == SmtpMode.REFUSE_DATA) {
				// GreenMail forgets the sender and recipients, as the client does
				send(upstreamOut, "RSET\r\n".getBytes(StandardCharsets.US_ASCII));
				readReply(upstreamIn, null);
				reply(clientOut, SmtpMode.DATA_REFUSED_REPLY);
				continue;
			}
			send(upstreamOut, line);
			String code = relayReply(upstreamIn, clientOut);
			if (command.equals("DATA") && code.equals("354")) {
				relayMessage(clientIn, upstreamOut);
				relayReply(upstreamIn, clientOut);
			}
			else if (command.equals("QUIT")) {
				return;
			}
		}
	}

	/** The message's lines up to and with the lone dot that ends it. */
	private static void relayMessage(LineReader clientIn, OutputStream upstreamOut) throws IOException {
		while (true) {
			byte[] line = clientIn.readLine();
			if (line == null) {
				throw new EOFException("The client hung up within a message");
			}
			upstreamOut.write(line);
			if (isEndOfData(line)) {
				upstreamOut.flush();
				return;
			}
		}
	}

	static boolean isEndOfData(byte[] line) {
		return (line.length == 3 && line[0] == '.' && line[1] == '\r' && line[2] == '\n')
				|| (line.length == 2 && line[0] == '.' && line[1] == '\n');
	}

	/** The command's verb in capitals ({@code DATA}, {@code MAIL}); empty for none. */
	static String command(byte[] line) {
		int end = 0;
		while (end < line.length && end < 16 && line[end] != ' ' && line[end] != '\r' && line[end] != '\n') {
			end++;
		}
		return new String(line, 0, end, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
	}

	/** Passes one reply, its every line, to the client; its code. */
	private static String relayReply(LineReader upstreamIn, OutputStream clientOut) throws IOException {
		String code = readReply(upstreamIn, clientOut);
		clientOut.flush();
		return code;
	}

	private static String readReply(LineReader upstreamIn, @Nullable OutputStream clientOut) throws IOException {
		while (true) {
			byte[] line = upstreamIn.readLine();
			if (line == null) {
				throw new EOFException("The SMTP server hung up");
			}
			if (clientOut != null) {
				clientOut.write(line);
			}
			// "250-..." goes on, "250 ..." is the last line
			if (line.length < 4 || line[3] != '-') {
				return new String(line, 0, Math.min(3, line.length), StandardCharsets.US_ASCII);
			}
		}
	}

	private static void send(OutputStream out, byte[] line) throws IOException {
		out.write(line);
		out.flush();
	}

	private static void reply(OutputStream out, String reply) throws IOException {
		send(out, (reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		for (Socket socket : this.open) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
		this.sessions.shutdownNow();
	}

	/** Reads lines as bytes, each with its line end, from a buffer of its own. */
	static final class LineReader {

		private final InputStream in;

		private final byte[] buffer = new byte[BUFFER];

		private int position;

		private int limit;

		LineReader(InputStream in) {
			this.in = in;
		}

		/**
		 * The next line with its {@code \n}, or what is left at the end; null at the end.
		 */
		byte @Nullable [] readLine() throws IOException {
			byte[] line = null;
			int length = 0;
			while (true) {
				if (this.position == this.limit) {
					this.limit = this.in.read(this.buffer);
					this.position = 0;
					if (this.limit <= 0) {
						this.limit = 0;
						return (line == null || length == 0) ? null : Arrays.copyOf(line, length);
					}
				}
				int end = this.position;
				while (end < this.limit && this.buffer[end] != '\n') {
					end++;
				}
				boolean found = end < this.limit;
				int take = (found ? end + 1 : end) - this.position;
				if (line == null) {
					line = new byte[Math.max(take, 128)];
				}
				else if (length + take > line.length) {
					line = Arrays.copyOf(line, Math.max(line.length * 2, length + take));
				}
				System.arraycopy(this.buffer, this.position, line, length, take);
				length += take;
				this.position += take;
				if (found) {
					return Arrays.copyOf(line, length);
				}
			}
		}

	}

}
