package uk.nhsjob.ingest;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A source registered afresh before each test through the running service's admin API,
 * with its key: {@code @RegisterExtension final RegisteredSource source = new
 * RegisteredSource("crash", "NHS_TRUST", "LS1 4AP");}
 */
public final class RegisteredSource implements BeforeEachCallback {

	private final String idPrefix;

	private final String employerType;

	private final String postcode;

	private IngestApi api;

	private String id;

	private String key;

	public RegisteredSource(String idPrefix, String employerType, String postcode) {
		this.idPrefix = idPrefix;
		this.employerType = employerType;
		this.postcode = postcode;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		int port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port", Integer.class);
		this.api = new IngestApi(port);
		this.id = IngestApi.uniqueSourceId(this.idPrefix);
		this.key = this.api.newSource(this.id, this.employerType, this.postcode);
	}

	/** The service's API, as the tests call it. */
	public IngestApi api() {
		return this.api;
	}

	public String id() {
		return this.id;
	}

	/** The source's API key. */
	public String key() {
		return this.key;
	}

}
