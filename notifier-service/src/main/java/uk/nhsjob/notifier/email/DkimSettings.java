package uk.nhsjob.notifier.email;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DKIM signing ({@code nhsjob.notifier.dkim.*}): on when all three are set.
 *
 * @param domain the signing domain ({@code d=})
 * @param selector the DNS selector ({@code s=}): the public key is at
 * {@code <selector>._domainkey.<domain>}
 * @param privateKey an RSA private key in PKCS#8, PEM
 * ({@code -----BEGIN PRIVATE KEY-----}) or DER
 */
@ConfigurationProperties("nhsjob.notifier.dkim")
public record DkimSettings(@Nullable String domain, @Nullable String selector, @Nullable Path privateKey) {

	boolean isConfigured() {
		return this.domain != null && !this.domain.isBlank() && this.selector != null && !this.selector.isBlank()
				&& this.privateKey != null;
	}

}
