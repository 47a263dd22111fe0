package uk.nhsjob.ingest.feed;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

import uk.nhsjob.ingest.Problems;

/**
 * Reads a feed's body, refusing one over the limit before reading it when it says its
 * length, and as soon as it passes the limit when it does not.
 */
final class FeedBody {

	private FeedBody() {
	}

	static byte[] read(HttpServletRequest request, DataSize limit) throws IOException {
		long max = limit.toBytes();
		if (request.getContentLengthLong() > max) {
			throw tooLarge(limit);
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(Math.toIntExact(max + 1));
			if (body.length > max) {
				throw tooLarge(limit);
			}
			return body;
		}
	}

	private static ErrorResponseException tooLarge(DataSize limit) {
		return Problems.of(HttpStatus.CONTENT_TOO_LARGE,
				"The feed is larger than the limit of " + readable(limit) + ".");
	}

	static String readable(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
			return size.toMegabytes() + "MB";
		}
		return (bytes % DataSize.ofKilobytes(1).toBytes() == 0) ? size.toKilobytes() + "KB" : bytes + "B";
	}

}
