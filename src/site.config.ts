/**
 * Branding, links and identity of this deployment: another district edits this file only
 * (and its sources.yaml). Nothing else in the code names 道里区.
 */
export interface SiteConfig {
  /** Site name, as in the header and the page titles. */
  name: string;
  /** The region the portal serves. */
  region: string;
  /** 行政区划代码 of the region. */
  regionCode: string;
  /** 主办单位. */
  host: string;
  /** 承办单位 (may equal the host). */
  operator: string;
  /** Address and telephone of the office that answers questions about the data; shown on the about page when set. */
  contact?: { address: string; phone: string; hours: string };
  /** Brand colours (AA contrast with white text). */
  colors: { brand: string; brandDark: string };
  /** Emblem shown in the header's emblem area; a file under public/. */
  emblem: { src: string; alt: string };
  /** The portal's public address, used in citations; leave empty to use the address the page was served from. */
  url: string;
  /** Upper-level portals. */
  links: { name: string; url: string }[];
  /** 网站标识码, ICP 备案号 and 公安机关备案号 of a government website. */
  siteCode: string;
  icp: string;
  police: string;
  /** 政府网站找错 (the national error-report service), with the site code. */
  errorReportUrl: string;
  /** The plan this portal implements, cited by 文号. */
  plan: { docNo: string; title: string };
}

export const SITE: SiteConfig = {
  name: '信用道里',
  region: '哈尔滨市道里区',
  regionCode: '230102',
  host: '哈尔滨市道里区社会信用体系建设领导小组办公室',
  operator: '哈尔滨市道里区发展和改革局',
  colors: { brand: '#a4161a', brandDark: '#7a0f12' },
  emblem: { src: '/emblem.svg', alt: '' },
  url: '',
  links: [
    { name: '信用中国', url: 'https://www.creditchina.gov.cn/' },
    { name: '黑龙江省人民政府', url: 'https://www.hlj.gov.cn/' },
    { name: '哈尔滨市人民政府', url: 'https://www.harbin.gov.cn/' },
  ],
  siteCode: '',
  icp: '',
  police: '',
  errorReportUrl: 'https://zfwzzc.www.gov.cn/',
  plan: { docNo: '哈里政规〔2018〕4号', title: '建立完善守信联合激励和失信联合惩戒制度推动信用道里建设实施方案' },
};
