package uk.nhsjob.localstack.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Every delivered message on disk, one {@code .eml} file per recipient:
 * {@code <folder>/<recipient>/<id>.eml}, where the id is the arrival time in epoch
 * milliseconds and a sequence number. Files are written whole (to a temporary file, then
 * moved), so a reader never sees half a message.
 */
public final class MailStore {

	private static final Pattern ID = Pattern.compile("(\\d{13})-(\\d{4})");

	private static final Pattern FILE_NAME = Pattern.compile(ID.pattern() + "\\.eml");

	private final Path folder;

	private final Clock clock;

	private final AtomicInteger sequence = new AtomicInteger();

	private final Map<String, StoredMail> byId = new ConcurrentHashMap<>();

	private final Set<String> reserved = ConcurrentHashMap.newKeySet();

	public MailStore(Path folder) {
		this(folder, Clock.systemUTC());
	}

	MailStore(Path folder, Clock clock) {
		this.folder = folder.toAbsolutePath().normalize();
		this.clock = clock;
		try {
			Files.createDirectories(this.folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + this.folder, ex);
		}
		load();
	}

	private void load() {
		try (Stream<Path> recipients = Files.list(this.folder)) {
			for (Path recipientFolder : recipients.filter(Files::isDirectory).toList()) {
				String recipient = decode(recipientFolder.getFileName().toString()).strip();
				try (Stream<Path> files = Files.list(recipientFolder)) {
					files.forEach((file) -> {
						Matcher name = FILE_NAME.matcher(file.getFileName().toString());
						if (name.matches()) {
							String id = name.group(1) + "-" + name.group(2);
							Instant receivedAt = Instant.ofEpochMilli(Long.parseLong(name.group(1)));
							this.byId.put(id, new StoredMail(id, recipient, receivedAt, file));
						}
					});
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the kept mail in " + this.folder, ex);
		}
	}

	/** Writes the message as delivered to the recipient. */
	public StoredMail save(String recipient, MimeMessage message) {
		String normalised = recipient.strip().toLowerCase(Locale.ROOT);
		Path recipientFolder = this.folder.resolve(encode(normalised));
		try {
			Files.createDirectories(recipientFolder);
			Instant now = this.clock.instant();
			String id = nextId(now);
			Path file = recipientFolder.resolve(id + ".eml");
			Path partial = recipientFolder.resolve(id + ".eml.partial");
			try (OutputStream out = Files.newOutputStream(partial)) {
				message.writeTo(out);
			}
			Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
			StoredMail stored = new StoredMail(id, normalised, now, file);
			this.byId.put(id, stored);
			return stored;
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException("Cannot keep a message for " + recipient + " in " + recipientFolder, ex);
		}
	}

	private String nextId(Instant now) {
		while (true) {
			String id = "%013d-%04d".formatted(now.toEpochMilli(), this.sequence.getAndIncrement() % 10_000);
			if (!this.byId.containsKey(id) && this.reserved.add(id)) {
				return id;
			}
		}
	}

	/** Every kept message, newest first. */
	public List<StoredMail> all() {
		return this.byId.values()
			.stream()
			.sorted(Comparator.comparing(StoredMail::receivedAt).thenComparing(StoredMail::id).reversed())
			.toList();
	}

	public Optional<StoredMail> find(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	static String encode(String recipient) {
		String encoded = URLEncoder.encode(recipient, StandardCharsets.UTF_8).replace("%40", "@");
		// "", "." and ".." do not name a folder of their own
		return encoded.chars().allMatch((c) -> c == '.') ? "%20" + encoded.replace(".", "%2E") : encoded;
	}

	static String decode(String folderName) {
		return URLDecoder.decode(folderName, StandardCharsets.UTF_8);
	}

}
