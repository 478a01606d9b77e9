//! Folder listings as WebDAV servers answer them: Apache's mod_dav (as the journeys' server
//! answers), Nextcloud (lower-case prefix, quoted ETags escaped) and one without prefixes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use tend_core::sync::{parse_listing, Listed};

fn listed(name: &str, etag: &str) -> Listed {
    Listed {
        name: name.into(),
        etag: etag.into(),
    }
}

#[test]
fn apache_mod_dav() {
    let xml = r#"<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:">
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>/tend/</D:href>
<D:propstat><D:prop><lp1:resourcetype><D:collection/></lp1:resourcetype>
<lp1:getetag>W/"1000-661a43cf2720c"</lp1:getetag></D:prop>
<D:status>HTTP/1.1 200 OK</D:status></D:propstat>
</D:response>
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>/tend/a1b2-9f8e.tsync</D:href>
<D:propstat><D:prop><lp1:resourcetype/><lp1:getcontentlength>5</lp1:getcontentlength>
<lp1:getetag>"5-661a43cf2720c"</lp1:getetag></D:prop>
<D:status>HTTP/1.1 200 OK</D:status></D:propstat>
</D:response>
</D:multistatus>"#;
    assert_eq!(
        parse_listing(xml),
        [listed("a1b2-9f8e.tsync", "\"5-661a43cf2720c\"")]
    );
}

#[test]
fn nextcloud_and_no_prefix() {
    let xml = r#"<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns"><d:response><d:href>/remote.php/dav/files/me/Tend%20sync/</d:href><d:propstat><d:prop><d:getetag>&quot;65a1&quot;</d:getetag><d:resourcetype><d:collection/></d:resourcetype></d:prop></d:propstat></d:response><d:response><d:href>/remote.php/dav/files/me/Tend%20sync/x9-77.tsync</d:href><d:propstat><d:prop><d:getetag>&quot;e3b0c442&quot;</d:getetag><d:resourcetype/></d:prop></d:propstat></d:response><d:response><d:href>/remote.php/dav/files/me/Tend%20sync/old/</d:href></d:response></d:multistatus>"#;
    assert_eq!(parse_listing(xml), [listed("x9-77.tsync", "\"e3b0c442\"")]);
    let plain = r#"<multistatus xmlns="DAV:"><response><href>http://host/dav/b-1.tsync</href>
<propstat><prop><getetag/></prop></propstat></response></multistatus>"#;
    assert_eq!(parse_listing(plain), [listed("b-1.tsync", "")]);
    assert!(parse_listing("not xml <at all").is_empty());
    assert!(parse_listing("").is_empty());
}
