package uk.nhsjob.matcher;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers every answer of the service carries, its pages' above all (docs/alerts.md,
 * "Page headers"): a Content-Security-Policy that allows scripts and styles from the
 * service's own files only (never inline) and no framing, no content sniffing, no
 * referrer, and {@code Cache-Control: no-store} on any answer to a URL that carries a
 * token, so that neither a shared cache nor the browser's keeps a page opened with a link
 * from an email.
 * <p>
 * A servlet filter rather than Spring Security's header writers: the service has no use
 * for the rest of Spring Security (its links carry their own signed tokens), and this is
 * all of it. Registered for error dispatches too ({@code MatcherConfiguration}), so the
 * error pages carry them as well.
 */
class PageHeaders extends OncePerRequestFilter {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		setHeaders(request, response);
		chain.doFilter(request, response);
	}

	/** The error page of a request sets them again, in case its answer was reset. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws ServletException, IOException {
		doFilterInternal(request, response, chain);
	}

	private static void setHeaders(HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		if (carriesToken(request.getQueryString())) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		}
	}

	/**
	 * Read from the query string itself: asking the request for a parameter would read a
	 * form's body before the request body limit has seen it.
	 */
	static boolean carriesToken(@Nullable String query) {
		if (query == null) {
			return false;
		}
		for (String pair : query.split("&")) {
			if (pair.equals("token") || pair.startsWith("token=")) {
				return true;
			}
		}
		return false;
	}

}
