package uk.nhsjob.notifier.email;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;

import org.springframework.stereotype.Component;

/**
 * Signs outgoing emails with DKIM when a key is configured, over the usual headers and
 * the RFC 8058 unsubscribe headers (which receivers honour only when signed).
 */
@Component
public class DkimSigning {

	/** Signs nothing. */
	static final DkimSigning NONE = new DkimSigning(new DkimSettings(null, null, null));

	private final @Nullable DkimSigner signer;

	DkimSigning(DkimSettings settings) {
		this.signer = settings.isConfigured() ? signer(settings) : null;
	}

	/** The message, signed when there is a key; its Message-ID is kept. */
	MimeMessage sign(MimeMessage message) throws MessagingException {
		if (this.signer == null) {
			return message;
		}
		message.saveChanges();
		return new DkimMessage(message, this.signer) {

			@Override
			protected void updateMessageID() {
				// keep the keyed Message-ID copied from the message
			}

		};
	}

	private static DkimSigner signer(DkimSettings settings) {
		try {
			byte[] key = Files.readAllBytes(settings.privateKey());
			String text = new String(key, StandardCharsets.US_ASCII);
			if (text.contains("-----BEGIN")) {
				key = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
			}
			RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(key));
			DkimSigner signer = new DkimSigner(settings.domain(), settings.selector(), privateKey);
			signer.addHeaderToSign("List-Unsubscribe");
			signer.addHeaderToSign("List-Unsubscribe-Post");
			signer.setCheckDomainKey(false);
			return signer;
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			throw new IllegalStateException("cannot read the DKIM private key " + settings.privateKey(), ex);
		}
	}

}
