package uk.nhsjob.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The local stack's SMTP server's own store on disk, read as files rather than through
 * one IMAP login per address: {@code <folder>/<recipient>/<epoch ms>-<sequence>.eml}, one
 * file per message and recipient, written whole and then moved into place (local-stack's
 * {@code mail.MailStore}), so a file is never read half written. Each file is one
 * delivery, dated by the arrival time in its name.
 */
final class MailFolder implements Supplier<List<Inbox.Delivery>> {

	private static final Pattern FILE_NAME = Pattern.compile("(\\d{13})-(\\d{4})\\.eml");

	private static final Session SESSION = Session.getInstance(new Properties());

	private final Path folder;

	private final Set<Path> seen = new HashSet<>();

	MailFolder(Path folder) {
		this.folder = folder;
	}

	/** The files that appeared since the last call, in the order they arrived. */
	@Override
	public synchronized List<Inbox.Delivery> get() {
		List<Inbox.Delivery> fresh = new ArrayList<>();
		if (!Files.isDirectory(this.folder)) {
			return fresh;
		}
		try (Stream<Path> recipients = Files.list(this.folder)) {
			for (Path recipientFolder : recipients.filter(Files::isDirectory).toList()) {
				String recipient = URLDecoder.decode(recipientFolder.getFileName().toString(), StandardCharsets.UTF_8)
					.strip();
				try (Stream<Path> files = Files.list(recipientFolder)) {
					for (Path file : files.toList()) {
						Matcher name = FILE_NAME.matcher(file.getFileName().toString());
						if (name.matches() && this.seen.add(file)) {
							fresh.add(new Inbox.Delivery(parse(file), recipient,
									Instant.ofEpochMilli(Long.parseLong(name.group(1)))));
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the mail store " + this.folder, ex);
		}
		fresh.sort(java.util.Comparator.comparing(Inbox.Delivery::arrivedAt));
		return fresh;
	}

	private static MimeMessage parse(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new MimeMessage(SESSION, in);
		}
		catch (MessagingException ex) {
			throw new IOException("Cannot parse " + file, ex);
		}
	}

}
