package uk.nhsjob.ingest.source;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import uk.nhsjob.ingest.Problems;
import uk.nhsjob.platform.web.BearerToken;

/** Lets only the holder of the admin token through to the admin calls. */
@Component
class AdminAuthorization implements HandlerInterceptor {

	private final AdminToken adminToken;

	AdminAuthorization(AdminToken adminToken) {
		this.adminToken = adminToken;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!BearerToken.of(request.getHeader(HttpHeaders.AUTHORIZATION))
			.filter(this.adminToken::matches)
			.isPresent()) {
			throw Problems.unauthorized("This call needs the admin token: Authorization: Bearer <admin token>.");
		}
		return true;
	}

}
