//! Reference compositions, as data with their sources, that the checker is tested on and the
//! secretariat may start from.

/// A composition the record cites: its name, the source it is drawn from, and its rules in the
/// form `parse_rules` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    pub name: &'static str,
    pub source: &'static str,
    pub rules: &'static str,
}

/// The Working Group on Enhanced Cooperation of 2013, as the issue that asks for it states its
/// composition: 22 Member States from the five regional groups, and five members each from the
/// private sector, civil society, the technical and academic communities, and
/// intergovernmental and international organisations; A/RES/67/195 §21 (quoted in seeds/000)
/// asks for attention to developing countries.
pub const WGEC_2013: Reference = Reference {
    name: "Working Group on Enhanced Cooperation (2013)",
    source: "A/RES/67/195 §20–21 (seeds/000); CSTD chair's composition of the WGEC, 2013",
    rules: "total 42\n\
            exactly 22 group=government\n\
            at least 1 per region in african,asia_pacific,eastern_european,latin_american_caribbean,weog where group=government\n\
            at most 1 per country where group=government\n\
            exactly 5 group=private_sector\n\
            exactly 5 group=civil_society\n\
            exactly 5 group=academic,technical\n\
            exactly 5 group=international_organization\n",
};

/// The Internet Governance Forum's multistakeholder advisory group as seeds/004 §47 describes
/// it: 46 members from governments, the private sector and civil society including the academic
/// and technical communities, from all regions of the world.
pub const IGF_MAG_2006: Reference = Reference {
    name: "IGF multistakeholder advisory group (2006)",
    source: "seeds/004 §47 (E/2007/…: report on the WSIS follow-up)",
    rules: "total 46\n\
            at least 1 group=government\n\
            at least 1 group=private_sector\n\
            at least 1 group=civil_society,academic,technical\n\
            at least 1 per region in african,asia_pacific,eastern_european,latin_american_caribbean,weog\n",
};

pub const ALL: [Reference; 2] = [WGEC_2013, IGF_MAG_2006];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;
    use crate::rules::{Attribute, Bound, Candidate, parse_rules};

    fn member(group: &str, region: &str, country: &str) -> Candidate {
        Candidate {
            attributes: vec![
                (Attribute::Group, group.into()),
                (Attribute::Region, region.into()),
                (Attribute::Country, country.into()),
            ],
            ..Candidate::default()
        }
    }

    /// A WGEC-shaped body: 22 States across the five groups, then the four other groups.
    fn wgec_like() -> Vec<Candidate> {
        let regions = ["african", "asia_pacific", "eastern_european", "latin_american_caribbean", "weog"];
        let mut body: Vec<Candidate> =
            (0..22).map(|i| member("government", regions[i % 5], &format!("C{i}"))).collect();
        for group in ["private_sector", "civil_society", "academic", "international_organization"] {
            body.extend((0..5).map(|i| member(group, regions[i % 5], &format!("N{i}"))));
        }
        body
    }

    #[test]
    fn the_reference_compositions_read_and_a_body_shaped_so_passes() {
        for reference in ALL {
            parse_rules(reference.rules).unwrap_or_else(|e| panic!("{}: {e}", reference.name));
        }
        let body = wgec_like();
        let everyone: Vec<usize> = (0..body.len()).collect();
        assert!(check(&body, &parse_rules(WGEC_2013.rules).expect("rules"), &everyone).is_empty());
    }

    #[test]
    fn a_body_missing_a_regional_group_is_told_so() {
        let mut body = wgec_like();
        for member in body.iter_mut().filter(|m| m.has(Attribute::Region, "latin_american_caribbean")) {
            member.attributes[1].1 = "weog".into();
        }
        let everyone: Vec<usize> = (0..body.len()).collect();
        let broken = check(&body, &parse_rules(WGEC_2013.rules).expect("rules"), &everyone);
        assert_eq!(broken.len(), 1, "{broken:?}");
        assert_eq!(
            (broken[0].value.as_deref(), broken[0].found, broken[0].required),
            (Some("latin_american_caribbean"), 0, Bound::AtLeast(1))
        );
        let mag = check(&body, &parse_rules(IGF_MAG_2006.rules).expect("rules"), &everyone);
        assert_eq!(mag.iter().map(|v| v.line).collect::<Vec<_>>(), [1, 5], "46 members, and every region");
    }
}
