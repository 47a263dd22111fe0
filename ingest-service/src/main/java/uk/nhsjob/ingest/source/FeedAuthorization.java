package uk.nhsjob.ingest.source;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import uk.nhsjob.ingest.Problems;
import uk.nhsjob.platform.web.BearerToken;

/**
 * Lets a call to {@code /api/v1/feeds/{sourceId}/…} through only with a key of that
 * source, and hands the controller the source it authenticated as
 * ({@link RegisteredSource#REQUEST_ATTRIBUTE}). It runs before the body is looked at, so
 * an anonymous caller learns nothing about what we would accept.
 */
@Component
class FeedAuthorization implements HandlerInterceptor {

	static final String PATHS = "/api/v1/feeds/{sourceId}/**";

	private static final PathPattern FEED_PATH = PathPatternParser.defaultInstance.parse(PATHS);

	private final SourceRegistry registry;

	FeedAuthorization(SourceRegistry registry) {
		this.registry = registry;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String apiKey = BearerToken.of(request.getHeader(HttpHeaders.AUTHORIZATION))
			.orElseThrow(() -> Problems.unauthorized("This call needs the source's key: Authorization: Bearer <key>."));
		RegisteredSource owner = this.registry.ownerOf(apiKey)
			.orElseThrow(() -> Problems.unauthorized("The key is not valid: it is unknown or was revoked."));
		if (!owner.sourceId().equals(sourceIdOf(request))) {
			throw Problems.of(HttpStatus.FORBIDDEN, "The key belongs to another source.");
		}
		request.setAttribute(RegisteredSource.REQUEST_ATTRIBUTE, owner);
		return true;
	}

	private static String sourceIdOf(HttpServletRequest request) {
		PathContainer path = ServletRequestPathUtils.hasParsedRequestPath(request)
				? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()
				: PathContainer.parsePath(request.getRequestURI());
		PathPattern.PathMatchInfo match = FEED_PATH.matchAndExtract(path);
		return (match != null) ? match.getUriVariables().getOrDefault("sourceId", "") : "";
	}

}
