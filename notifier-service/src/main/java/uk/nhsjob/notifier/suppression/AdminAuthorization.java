package uk.nhsjob.notifier.suppression;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

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
		if (BearerToken.of(request.getHeader(HttpHeaders.AUTHORIZATION)).filter(this.adminToken::matches).isEmpty()) {
			ErrorResponseException problem = new ErrorResponseException(HttpStatus.UNAUTHORIZED,
					ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
							"This call needs the admin token: Authorization: Bearer <admin token>."),
					null);
			problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			throw problem;
		}
		return true;
	}

}
