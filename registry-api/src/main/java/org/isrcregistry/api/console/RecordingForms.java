package org.isrcregistry.api.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.isrcregistry.api.recording.RecordingCommandController.DistributorChangeRequest;
import org.isrcregistry.api.recording.RecordingCommandController.MetadataCorrectionRequest;
import org.isrcregistry.api.recording.RecordingCommandController.NewVersionRequest;
import org.isrcregistry.api.recording.RecordingCommandController.OwnershipTransferRequest;
import org.isrcregistry.api.recording.RecordingCommandController.ReleaseRequest;
import org.isrcregistry.api.recording.RecordingCommandController.WithdrawalRequest;
import org.isrcregistry.api.recording.RecordingCommandController.WorkRequest;
import org.isrcregistry.api.recording.RecordingRequest;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.Iswc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.identifier.ReleaseCode;
import org.isrcregistry.core.recording.AudioFingerprint;
import org.isrcregistry.core.recording.ChangeKind;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.WithdrawalReason;
import org.isrcregistry.core.registrant.ClientId;

/**
 * The console's forms read into the API's own requests, field by field, with the domain's parsers: what the JSON
 * body of the same API call would hold. A value that cannot be read is refused on its field.
 */
final class RecordingForms {

    private RecordingForms() {
    }

    static RecordingRequest recording(Form form) {
        return new RecordingRequest(form.text("title"), form.text("versionTitle"), form.text("mainArtist"), null,
                form.parse("duration", RecordingDuration::parse), option(form, "kind", RecordingKind.class),
                date(form, "firstPublished"), form.text("owner"), form.text("distributor"),
                form.parse("fingerprint", AudioFingerprint::of), form.parse("audioIsrc", Isrc::parse),
                form.parse("client", ClientId::parse));
    }

    static NewVersionRequest version(Form form) {
        return new NewVersionRequest(form.parse("prefix", PrefixCode::parse), option(form, "change", ChangeKind.class),
                form.text("description"), recording(form));
    }

    static OwnershipTransferRequest transfer(Form form) {
        return new OwnershipTransferRequest(form.text("newOwner"), date(form, "effectiveDate"));
    }

    static DistributorChangeRequest distributor(Form form) {
        return new DistributorChangeRequest(form.text("distributor"), date(form, "effectiveDate"));
    }

    /** Fields left blank keep their value, as fields left out of the API's PATCH. */
    static MetadataCorrectionRequest correction(Form form) {
        return new MetadataCorrectionRequest(form.text("reason"), form.text("title"), form.text("versionTitle"),
                form.text("mainArtist"), null, form.parse("duration", RecordingDuration::parse),
                option(form, "kind", RecordingKind.class), date(form, "firstPublished"));
    }

    static ReleaseRequest release(Form form) {
        String territories = form.text("territories");
        Set<String> codes = null;
        if (territories != null) {
            codes = new TreeSet<>();
            for (String code : territories.split("[\\s,;]+")) {
                if (!code.isBlank()) {
                    codes.add(code.toUpperCase(Locale.ROOT));
                }
            }
        }
        return new ReleaseRequest(form.parse("code", ReleaseCode::parse), form.text("title"),
                form.text("format"), codes);
    }

    static WorkRequest work(Form form) {
        return new WorkRequest(form.parse("iswc", Iswc::parse));
    }

    static WithdrawalRequest withdrawal(Form form) {
        return new WithdrawalRequest(option(form, "reason", WithdrawalReason.class),
                form.parse("duplicateOf", Isrc::parse));
    }

    private static LocalDate date(Form form, String field) {
        return form.parse(field, text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a date of the form 2026-03-01");
            }
        });
    }

    private static <E extends Enum<E>> E option(Form form, String field, Class<E> type) {
        return form.parse(field, text -> {
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not one of "
                        + Arrays.toString(type.getEnumConstants()));
            }
        });
    }
}
