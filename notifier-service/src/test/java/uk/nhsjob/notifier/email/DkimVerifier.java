package uk.nhsjob.notifier.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks an RSA-SHA256 DKIM signature as a receiver would (RFC 6376 §6), written from the
 * RFC for the tests rather than taken from the signing library: the body hash over the
 * canonicalised body, then the signature over the canonicalised signed headers and the
 * DKIM-Signature header itself with an empty {@code b=}.
 */
final class DkimVerifier {

	private static final String CRLF = "\r\n";

	private DkimVerifier() {
	}

	/** The DKIM-Signature header's tags, as the receiver reads them. */
	static Map<String, String> tags(byte[] rawMessage) {
		return tags(signatureHeader(headers(rawMessage)));
	}

	/** Whether the message's DKIM signature holds for the key. */
	static boolean verifies(byte[] rawMessage, PublicKey key) throws GeneralSecurityException {
		List<String> headers = headers(rawMessage);
		String signatureHeader = signatureHeader(headers);
		Map<String, String> tags = tags(signatureHeader);
		if (!"rsa-sha256".equals(tags.get("a"))) {
			throw new IllegalArgumentException("not rsa-sha256: " + tags.get("a"));
		}
		String[] canonicalization = tags.getOrDefault("c", "simple/simple").split("/");
		boolean relaxedHeaders = "relaxed".equals(canonicalization[0]);
		boolean relaxedBody = canonicalization.length > 1 && "relaxed".equals(canonicalization[1]);

		byte[] bodyHash = MessageDigest.getInstance("SHA-256")
			.digest(canonicalBody(body(rawMessage), relaxedBody).getBytes(StandardCharsets.UTF_8));
		if (!Base64.getEncoder().encodeToString(bodyHash).equals(tags.get("bh"))) {
			return false;
		}

		StringBuilder signed = new StringBuilder();
		List<String> unused = new ArrayList<>(headers);
		for (String name : tags.get("h").split(":")) {
			String header = takeLast(unused, name.strip());
			if (header != null) {
				signed.append(canonicalHeader(header, relaxedHeaders)).append(CRLF);
			}
		}
		String withoutSignature = signatureHeader.replaceFirst("(?<=[:;])(\\s*b\\s*=)[^;]*", "$1");
		signed.append(canonicalHeader(withoutSignature, relaxedHeaders));

		Signature rsa = Signature.getInstance("SHA256withRSA");
		rsa.initVerify(key);
		rsa.update(signed.toString().getBytes(StandardCharsets.UTF_8));
		return rsa.verify(Base64.getDecoder().decode(tags.get("b")));
	}

	private static String raw(byte[] message) {
		return new String(message, StandardCharsets.UTF_8);
	}

	/** The header fields, each with its folding kept. */
	private static List<String> headers(byte[] message) {
		String text = raw(message);
		String block = text.substring(0, text.indexOf(CRLF + CRLF));
		List<String> fields = new ArrayList<>();
		for (String line : block.split(CRLF)) {
			if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
				fields.set(fields.size() - 1, fields.get(fields.size() - 1) + CRLF + line);
			}
			else {
				fields.add(line);
			}
		}
		return fields;
	}

	private static String body(byte[] message) {
		String text = raw(message);
		return text.substring(text.indexOf(CRLF + CRLF) + 4);
	}

	private static String signatureHeader(List<String> headers) {
		return headers.stream()
			.filter((header) -> nameOf(header).equalsIgnoreCase("DKIM-Signature"))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no DKIM-Signature"));
	}

	private static Map<String, String> tags(String signatureHeader) {
		String value = signatureHeader.substring(signatureHeader.indexOf(':') + 1);
		Map<String, String> tags = new LinkedHashMap<>();
		for (String tag : value.split(";")) {
			int equals = tag.indexOf('=');
			if (equals > 0) {
				tags.put(tag.substring(0, equals).strip(), tag.substring(equals + 1).replaceAll("\\s+", ""));
			}
		}
		return tags;
	}

	private static String nameOf(String header) {
		return header.substring(0, header.indexOf(':')).strip();
	}

	/** RFC 6376 §5.4.2: instances are signed from the bottom up. */
	private static String takeLast(List<String> unused, String name) {
		for (int i = unused.size() - 1; i >= 0; i--) {
			if (nameOf(unused.get(i)).equalsIgnoreCase(name)) {
				return unused.remove(i);
			}
		}
		return null;
	}

	/** RFC 6376 §3.4.1 (simple) and §3.4.2 (relaxed). */
	private static String canonicalHeader(String header, boolean relaxed) {
		if (!relaxed) {
			return header;
		}
		int colon = header.indexOf(':');
		String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
		String value = header.substring(colon + 1).replace(CRLF, "").replaceAll("[ \t]+", " ").strip();
		return name + ":" + value;
	}

	/** RFC 6376 §3.4.3 (simple) and §3.4.4 (relaxed). */
	private static String canonicalBody(String body, boolean relaxed) {
		List<String> lines = new ArrayList<>(List.of(body.split(CRLF, -1)));
		if (relaxed) {
			lines.replaceAll((line) -> line.replaceAll("[ \t]+", " ").replaceAll(" +$", ""));
		}
		while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		if (lines.isEmpty()) {
			return relaxed ? "" : CRLF;
		}
		return String.join(CRLF, lines) + CRLF;
	}

}
