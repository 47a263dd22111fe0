package uk.nhsjob.matcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the limit with {@code 413} and a problem detail, before
 * anything parses it. Any other body without a declared length is read up to the limit,
 * and handed on from memory.
 */
@Component
class RequestBodyLimit extends OncePerRequestFilter {

	private final int limit;

	RequestBodyLimit(MatcherSettings settings) {
		this.limit = (int) Math.min(Integer.MAX_VALUE - 1, settings.maxRequestBody().toBytes());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.limit) {
			refuse(request, response);
			return;
		}
		if (declared >= 0 || request.getHeader("Transfer-Encoding") == null || isForm(request)) {
			// a form without a declared length is held to the same limit by the servlet
			// container's own settings, which parse it
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(this.limit + 1);
		if (body.length > this.limit) {
			refuse(request, response);
			return;
		}
		chain.doFilter(new ReadBody(request, body), response);
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
				|| type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setHeader("Connection", "close");
		String problem = """
				{"type":"about:blank","title":"Content Too Large","status":413,\
				"detail":"The request body is larger than %d bytes.","instance":"%s"}""".formatted(this.limit,
				request.getRequestURI().replaceAll("[^A-Za-z0-9/._-]", ""));
		response.getOutputStream().write(problem.getBytes(StandardCharsets.UTF_8));
	}

	/** A request whose body was read already. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
