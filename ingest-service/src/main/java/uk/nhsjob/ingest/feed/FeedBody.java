package uk.nhsjob.ingest.feed;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

import uk.nhsjob.ingest.Problems;

/**
 * A feed's body as it arrives, not read yet: its content type, the length it declares
 * (negative when it declares none) and its bytes.
 */
record FeedBody(@Nullable String contentType, long declaredLength, InputStream stream) {

	static FeedBody of(@Nullable String contentType, HttpServletRequest request) throws IOException {
		return new FeedBody(contentType, request.getContentLengthLong(), request.getInputStream());
	}

	/**
	 * Reads the body, refusing one over the limit before reading it when it says its
	 * length, and as soon as it passes the limit when it does not.
	 */
	byte[] read(DataSize limit) throws IOException {
		long max = limit.toBytes();
		if (this.declaredLength > max) {
			throw tooLarge(limit);
		}
		try (InputStream in = this.stream) {
			byte[] body = in.readNBytes(Math.toIntExact(max + 1));
			if (body.length > max) {
				throw tooLarge(limit);
			}
			return body;
		}
	}

	static ErrorResponseException tooLarge(DataSize limit) {
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
